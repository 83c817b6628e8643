// Regenerates the fields section of README.md from the schema; with --check, only reports whether it is current.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderFieldsTable } from './docs/fields-table';
import {
  PERMISSIONS_END,
  PERMISSIONS_START,
  permissionSectionIsCurrent,
  renderPermissionSection,
  replacePermissionSection,
} from './docs/permission-table';
import { checkReadme, FIELDS_END, FIELDS_START, replaceFieldsSection } from './docs/readme-section';

export { checkReadme };

function main(argv: readonly string[]): number {
  const path = join(__dirname, '..', 'README.md');
  if (!existsSync(path)) {
    console.error(`README.md not found at ${path}.`);
    return 1;
  }
  const readme = readFileSync(path, 'utf8');
  const fieldsDone = replaceFieldsSection(readme, renderFieldsTable());
  const updated = fieldsDone && replacePermissionSection(fieldsDone, renderPermissionSection());
  if (fieldsDone !== null && updated === null) {
    console.error(`README.md lacks the ${PERMISSIONS_START} … ${PERMISSIONS_END} markers.`);
    return 1;
  }
  if (updated === null) {
    console.error(
      `README.md lacks the ${FIELDS_START} … ${FIELDS_END} markers; add them where the fields table goes.`,
    );
    return 1;
  }
  if (argv.includes('--check')) {
    if (checkReadme(readme) && permissionSectionIsCurrent(readme)) return 0;
    console.error('README.md fields section is out of date: run npx tsx scripts/gen-docs.ts');
    return 1;
  }
  if (updated !== readme) writeFileSync(path, updated);
  console.log(
    updated === readme ? 'README.md fields section already current.' : 'README.md fields section updated.',
  );
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
