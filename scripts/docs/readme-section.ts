// Finding and replacing the generated fields section of README.md between its two markers.
import { renderFieldsTable } from './fields-table';

export const FIELDS_START = '<!-- fields:start -->';
export const FIELDS_END = '<!-- fields:end -->';

/** The README with the section between the markers replaced, or null when the markers are missing or out of order. */
export function replaceFieldsSection(readme: string, content: string): string | null {
  const start = readme.indexOf(FIELDS_START);
  const end = readme.indexOf(FIELDS_END);
  if (start < 0 || end < 0 || end < start) return null;
  return `${readme.slice(0, start + FIELDS_START.length)}\n${content}\n${readme.slice(end)}`;
}

/** True when the README has the markers and its fields section matches the schema as it is now. */
export function checkReadme(readmeText: string): boolean {
  const updated = replaceFieldsSection(readmeText, renderFieldsTable());
  return updated !== null && updated === readmeText;
}
