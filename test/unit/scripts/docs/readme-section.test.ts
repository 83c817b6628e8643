// The generated README fields section: rendering, replacing between markers, and the up-to-date check.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderFieldsTable } from '../../../../scripts/docs/fields-table';
import {
  checkReadme,
  FIELDS_END,
  FIELDS_START,
  replaceFieldsSection,
} from '../../../../scripts/docs/readme-section';
import { recordTypes } from '../../../../src/schema';

describe('renderFieldsTable', () => {
  const md = renderFieldsTable();

  test('has a table per record type with both labels, and every field', () => {
    for (const rt of Object.values(recordTypes)) {
      expect(md).toContain(`(\`${rt.sheetName}\` sheet)`);
      for (const f of rt.fields) expect(md).toContain(`| \`${f.key}\` | ${f.labels.en} | ${f.labels.zh} |`);
    }
    expect(md).toContain('| key | English label | 中文标签 | type | list | required | who may edit | help |');
    expect(md).toMatch(
      /\| `creditRating` \| Credit rating \| 信用等级 \| list \| Credit rating \| {2}\| Admin, Manager \|/,
    );
  });

  test('every table row has the same number of cells as its header', () => {
    for (const table of md.split('\n\n').filter((b) => b.startsWith('|'))) {
      const [header, ...rows] = table.split('\n');
      const count = (line: string) => line.replace(/\\\|/g, '').split('|').length;
      for (const row of rows) expect(count(row)).toBe(count(header));
    }
  });
});

describe('readme section', () => {
  const readme = `# Title\n\nIntro\n\n${FIELDS_START}\nold\n${FIELDS_END}\n\nMore\n`;

  test('replaces only what lies between the markers', () => {
    expect(replaceFieldsSection(readme, 'NEW')).toBe(
      `# Title\n\nIntro\n\n${FIELDS_START}\nNEW\n${FIELDS_END}\n\nMore\n`,
    );
  });

  test('returns null without markers', () => {
    expect(replaceFieldsSection('# Title\n', 'x')).toBeNull();
    expect(replaceFieldsSection(`${FIELDS_END}\n${FIELDS_START}`, 'x')).toBeNull();
  });

  test('checkReadme is true only for a current section', () => {
    expect(checkReadme(readme)).toBe(false);
    expect(checkReadme('# no markers')).toBe(false);
    const current = replaceFieldsSection(readme, renderFieldsTable());
    expect(current).not.toBeNull();
    expect(checkReadme(current ?? '')).toBe(true);
  });

  // The real README must not contradict the schema: `npx tsx scripts/gen-docs.ts` regenerates it.
  test('README.md fields section is current', () => {
    const real = readFileSync(join(__dirname, '..', '..', '..', '..', 'README.md'), 'utf8');
    expect(real).toContain(FIELDS_START);
    expect(checkReadme(real)).toBe(true);
  });
});
