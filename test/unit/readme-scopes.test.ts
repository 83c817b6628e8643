// README's OAuth scope table lists every scope of appsscript.json, each with its consent-screen line and a reason.
import { readFileSync } from 'node:fs';

const PREFIX = 'https://www.googleapis.com/auth/';

function readmeRows(): { scope: string; consent: string; why: string }[] {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.slice(
    readme.indexOf('<!-- scopes:start -->'),
    readme.indexOf('<!-- scopes:end -->'),
  );
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => {
      const [scope, consent, why] = line
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim());
      return { scope: scope.replace(/`/g, ''), consent, why };
    });
}

test('the README scope table names exactly the manifest’s scopes, each explained', () => {
  const manifest = JSON.parse(readFileSync('appsscript.json', 'utf8')) as { oauthScopes: string[] };
  const rows = readmeRows();
  expect(rows.map((r) => `${PREFIX}${r.scope}`).sort()).toEqual([...manifest.oauthScopes].sort());
  for (const r of rows) {
    expect(r.consent).not.toBe('');
    expect(r.why).not.toBe('');
  }
});
