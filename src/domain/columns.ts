// What the sheet needs for each column, derived from the field declarations, as plain JSON for the adapter.
import type { FieldDecl, RecordType, Role } from '../schema';
import type { Lang } from './i18n';

/** A data-validation rule the Apps Script adapter turns into a DataValidation; no Apps Script types here. */
export type ValidationDescriptor =
  | { kind: 'list'; list: string; allowInvalid: false }
  | { kind: 'checkbox' }
  | { kind: 'date'; allowInvalid: false }
  | { kind: 'email' }
  | { kind: 'number'; min?: number; max?: number; integer: boolean };

export interface ColumnSpec {
  key: string;
  header: string;
  numberFormat: string;
  width: number;
  validation: ValidationDescriptor | null;
  /** Shown as the header note. */
  help: string;
  system: boolean;
  /** Who may edit the column, for protections; empty for system columns. */
  editableBy: readonly Role[];
}

function columnValidation(field: FieldDecl): ValidationDescriptor | null {
  switch (field.type) {
    case 'list':
      return field.list === undefined ? null : { kind: 'list', list: field.list, allowInvalid: false };
    case 'boolean':
      return { kind: 'checkbox' };
    case 'date':
      return { kind: 'date', allowInvalid: false };
    // Sheets' own email rule is only a warning and looser than ours; the server re-validates anyway.
    case 'email':
    case 'staffEmail':
      return { kind: 'email' };
    case 'number':
    case 'integer': {
      const rule: ValidationDescriptor = { kind: 'number', integer: field.type === 'integer' };
      if (field.min !== undefined) rule.min = field.min;
      if (field.max !== undefined) rule.max = field.max;
      return rule;
    }
    default:
      return null;
  }
}

export function columnSpec(field: FieldDecl, lang: Lang): ColumnSpec {
  return {
    key: field.key,
    header: field.labels[lang],
    numberFormat: field.format,
    width: field.width,
    validation: columnValidation(field),
    help: field.help[lang],
    system: field.system === true,
    editableBy: field.editableBy,
  };
}

export function columnSpecs(recordType: RecordType, lang: Lang): ColumnSpec[] {
  return recordType.fields.map((f) => columnSpec(f, lang));
}

/**
 * Maps a header as typed in either language (case and spacing ignored) to its field key, for imports
 * and for sheets whose header an admin renamed back to a known label.
 */
export function fieldKeyForHeader(recordType: RecordType, header: string): string | undefined {
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
  const wanted = norm(header);
  const hit = recordType.fields.find(
    (f) => norm(f.key) === wanted || norm(f.labels.en) === wanted || norm(f.labels.zh) === wanted,
  );
  return hit?.key;
}
