// The README's permission table: generated from the schema, consistent with the roles, and current in README.md.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  PERMISSIONS_END,
  PERMISSIONS_START,
  permissionAreas,
  permissionSectionIsCurrent,
  renderPermissionSection,
  replacePermissionSection,
} from '../../../scripts/docs/permission-table';
import { recordTypes } from '../../../src/schema';
import { customerWithWechat } from '../../fixtures/schema/customer-wechat';

describe('permissionAreas', () => {
  const areas = permissionAreas();
  const byId = Object.fromEntries(areas.map((a) => [a.id, a]));

  test('every field of a records sheet is in exactly one area', () => {
    for (const rt of [recordTypes.customer, recordTypes.interaction, recordTypes.property]) {
      const listed = areas.filter((a) => a.id.startsWith(`${rt.key}/`)).flatMap((a) => a.fields);
      expect(listed.sort()).toEqual(rt.fields.map((f) => f.key).sort());
    }
  });

  test('the issue’s promises: clerks never change credit, add-on columns, Team, Settings, Lists, Audit, Reminder log', () => {
    const clerkMayNot = ['customer/Admin+Manager', 'team/sheet', 'settings/sheet', 'lists/sheet', 'headers'];
    for (const id of clerkMayNot)
      expect([byId[id].byHand.Clerk, byId[id].sidebar.Clerk]).toEqual(['blocked', 'blocked']);
    for (const id of [
      'customer/system',
      'interaction/system',
      'property/system',
      'audit/sheet',
      'reminderLog/sheet',
    ])
      expect([byId[id].byHand.Clerk, byId[id].sidebar.Clerk]).toEqual(['reverted', 'blocked']);
    for (const id of ['team/sheet', 'settings/sheet', 'lists/sheet'])
      expect(byId[id].byHand.Manager).toBe('blocked');
    expect(byId['customer/Admin+Manager'].byHand.Manager).toBe('allowed');
    expect(Object.values(byId['customer/Admin+Manager+Clerk'].byHand)).toEqual([
      'allowed',
      'allowed',
      'allowed',
      'blocked',
    ]);
  });

  test('a new field shows up in the table with its roles', () => {
    const withWechat = { ...recordTypes, customer: customerWithWechat };
    expect(renderPermissionSection(withWechat)).toContain('Customer type, Name, Company and 23 more');
  });
});

describe('README permissions section', () => {
  const readme = `# T\n\n${PERMISSIONS_START}\nold\n${PERMISSIONS_END}\n\nMore\n`;

  test('replaces only what lies between the markers, and needs both', () => {
    expect(replacePermissionSection(readme, 'NEW')).toBe(
      `# T\n\n${PERMISSIONS_START}\nNEW\n${PERMISSIONS_END}\n\nMore\n`,
    );
    expect(replacePermissionSection('# T\n', 'x')).toBeNull();
  });

  test('every table row has as many cells as the header', () => {
    const rows = renderPermissionSection()
      .split('\n')
      .filter((l) => l.startsWith('|'));
    const count = (line: string) => line.split('|').length;
    for (const row of rows) expect(count(row)).toBe(count(rows[0]));
  });

  // `npx tsx scripts/gen-docs.ts` regenerates it.
  test('README.md permissions section is current', () => {
    const real = readFileSync(join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
    expect(real).toContain(PERMISSIONS_START);
    expect(permissionSectionIsCurrent(real)).toBe(true);
    expect(permissionSectionIsCurrent(replacePermissionSection(real, 'stale') ?? '')).toBe(false);
  });
});
