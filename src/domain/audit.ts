// Audit rows: one per changed field (old → new), plus rows for actions such as create, approve, return and a confirmed duplicate.
import type { WireValue } from '../schema';

export interface AuditRow {
  time: Date;
  user: string;
  action: string;
  record: string;
  field: string;
  oldValue: string;
  newValue: string;
  source: string;
}

const text = (v: WireValue | undefined) => (v === null || v === undefined ? '' : String(v));

export function fieldChanges(
  base: Omit<AuditRow, 'field' | 'oldValue' | 'newValue'>,
  before: Record<string, WireValue>,
  after: Record<string, WireValue>,
  fields: readonly string[],
): AuditRow[] {
  return fields.map((f) => ({ ...base, field: f, oldValue: text(before[f]), newValue: text(after[f]) }));
}
