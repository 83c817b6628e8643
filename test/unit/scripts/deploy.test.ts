// The deploy script: a push clasp skipped or failed stops the deploy, and only a .clasp.json naming a script and dist/ is pushed.
import { readFileSync } from 'node:fs';
import { DEPLOY_STEPS } from '../../../scripts/deploy';
import { claspConfigProblem } from '../../../scripts/deploy/clasp-config';
import { pushOutcome } from '../../../scripts/deploy/push-outcome';

describe('pushOutcome', () => {
  test('clasp declining to overwrite the manifest fails, although it exits 0', () => {
    const out = pushOutcome(
      0,
      'Manifest file has been updated. Do you want to push and overwrite?\nSkipping push.\n',
    );
    expect(out).toEqual({ ok: false, reason: expect.stringMatching(/skipped/) });
  });

  test('a non-zero exit fails whatever was printed', () => {
    expect(pushOutcome(1, 'Pushed 3 files at 10:00:00.\n').ok).toBe(false);
    expect(pushOutcome(null, '').ok).toBe(false);
  });

  test('a push of files passes and says how many', () => {
    const out = pushOutcome(0, 'Pushed 3 files at 10:00:00.\n└─ dist/appsscript.json\n└─ dist/Code.js\n');
    expect(out).toEqual({ ok: true, summary: 'Pushed 3 files at 10:00:00.' });
  });

  test('nothing to push passes; pushing no files, or printing nothing recognisable, fails', () => {
    expect(pushOutcome(0, 'Script is already up to date.\n').ok).toBe(true);
    expect(pushOutcome(0, 'Pushed no files at 10:00:00.\n').ok).toBe(false);
    expect(pushOutcome(0, '').ok).toBe(false);
  });
});

describe('claspConfigProblem', () => {
  const root = '/repo';
  test('a real script ID with rootDir dist may be pushed', () => {
    expect(claspConfigProblem('{"scriptId":"1AbC","rootDir":"dist"}', root)).toBeNull();
    expect(claspConfigProblem('{"scriptId":"1AbC","rootDir":"./dist/"}', root)).toBeNull();
  });

  test.each([
    ['missing', null, /missing/],
    ['the shipped example', readFileSync('.clasp.json.example', 'utf8'), /no script ID/],
    ['not JSON', '{', /not valid JSON/],
    ['no rootDir: clasp would push the whole repository', '{"scriptId":"1AbC"}', /rootDir/],
    ['rootDir elsewhere', '{"scriptId":"1AbC","rootDir":"src"}', /rootDir/],
  ])('%s is refused', (_name, text, reason) => {
    expect(claspConfigProblem(text, root)).toMatch(reason);
  });
});

describe('npm run deploy', () => {
  test('runs the deploy script, which tests and builds before it force-pushes', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    expect(pkg.scripts.deploy).toBe('tsx scripts/deploy.ts');
    const lines = DEPLOY_STEPS.map((s) => s.join(' '));
    expect(lines.at(-1)).toBe('npx clasp push --force');
    expect(lines.indexOf('npm test')).toBeGreaterThan(lines.indexOf('npm run lint'));
    expect(lines.indexOf('npm run build')).toBeGreaterThan(lines.indexOf('npm test'));
  });

  test('.clasp.json is git-ignored, so a real script ID is not committed by accident', () => {
    expect(readFileSync('.gitignore', 'utf8').split('\n')).toContain('.clasp.json');
  });
});
