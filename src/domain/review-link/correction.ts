// What a customer may change through their link, and the change request rows a submission becomes.
import type { FieldDecl, RecordType, WireValue } from '../../schema';

/** The fields the schema marks as the customer's own to correct (contact, address, channel, language, preferences). */
export function customerEditableFields(rt: RecordType): FieldDecl[] {
  return rt.fields.filter((f) => f.customerEditable === true && f.system !== true);
}

interface RequestedChange {
  field: string;
  oldValue: WireValue;
  newValue: WireValue;
}

const same = (a: WireValue | undefined, b: WireValue | undefined) =>
  (a ?? null) === (b ?? null) || String(a ?? '') === String(b ?? '');

/** The validated submission against the record as held: one change per field that differs. */
export function requestedChanges(
  fields: readonly FieldDecl[],
  held: Readonly<Record<string, WireValue>>,
  submitted: Readonly<Record<string, WireValue>>,
): RequestedChange[] {
  return fields
    .filter(
      (f) =>
        Object.getOwnPropertyDescriptor(submitted, f.key) !== undefined &&
        !same(held[f.key], submitted[f.key]),
    )
    .map((f) => ({ field: f.key, oldValue: held[f.key] ?? null, newValue: submitted[f.key] ?? null }));
}

/** The form's fields by key: `v.phone` → phone; anything not customer-editable is ignored, never applied. */
export function submittedValues(
  fields: readonly FieldDecl[],
  parameter: Readonly<Record<string, unknown>>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) {
    const v = parameter[`v.${f.key}`];
    if (typeof v === 'string') out[f.key] = v.slice(0, 1000);
  }
  return out;
}
