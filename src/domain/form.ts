// The sidebar form description derived from a record type: inputs, options, and what a role may touch.

import type { FieldDecl, FieldType, ListRegistry, RecordType, Role } from '../schema';
import { defaultLists } from '../schema';
import { maxLengthOf } from './field-value';
import type { Lang } from './i18n';
import { canEdit } from './validation';

type InputKind =
  | 'text'
  | 'textarea'
  | 'email'
  | 'tel'
  | 'date'
  | 'datetime'
  | 'number'
  | 'checkbox'
  | 'select';

interface FormOption {
  key: string;
  label: string;
}

export interface FormField {
  key: string;
  label: string;
  input: InputKind;
  options?: FormOption[];
  required: boolean;
  /** Shown but not editable: the role may not change it. */
  readOnly: boolean;
  /** Not shown: only the add-on writes it. */
  hidden: boolean;
  help: string;
  /** For an ID field that names another record: the record type the sidebar offers a picker for. */
  refersTo?: string;
  maxLength?: number;
  min?: number;
  max?: number;
  step?: number;
  /** Dates: the earliest accepted, 'yyyy-mm-dd'. */
  notBefore?: string;
  /** Dates: nothing after today. */
  notAfterToday?: boolean;
}

/** JSON-safe, so the server can embed it into the sidebar HTML and the client render it without the schema. */
export interface FormConfig {
  recordType: string;
  title: string;
  lang: Lang;
  role: Role;
  /** True when the role may edit at least one field, i.e. the form has something to submit. */
  canSubmit: boolean;
  fields: FormField[];
}

const INPUT_BY_TYPE: Readonly<Record<FieldType, InputKind>> = {
  text: 'text',
  longText: 'textarea',
  email: 'email',
  staffEmail: 'email',
  phone: 'tel',
  date: 'date',
  dateTime: 'datetime',
  number: 'number',
  integer: 'number',
  boolean: 'checkbox',
  list: 'select',
  id: 'text',
};

function formField(field: FieldDecl, role: Role, lang: Lang, lists: ListRegistry): FormField {
  const out: FormField = {
    key: field.key,
    label: field.labels[lang],
    input: INPUT_BY_TYPE[field.type],
    required: field.required,
    readOnly: !canEdit(field, role),
    hidden: field.system === true,
    help: field.help[lang],
  };
  if (field.type === 'list') {
    const list = field.list === undefined ? undefined : lists[field.list];
    out.options = (list?.items ?? []).map((item) => ({ key: item.key, label: item.labels[lang] }));
  }
  if (['text', 'longText', 'id'].includes(field.type)) out.maxLength = maxLengthOf(field);
  if (field.refersTo) out.refersTo = field.refersTo;
  if (field.min !== undefined) out.min = field.min;
  if (field.max !== undefined) out.max = field.max;
  if (field.type === 'integer') out.step = 1;
  if (field.notBefore) out.notBefore = field.notBefore;
  if (field.notAfterToday) out.notAfterToday = true;
  return out;
}

export function formConfig(
  recordType: RecordType,
  role: Role,
  lang: Lang,
  lists: ListRegistry = defaultLists,
): FormConfig {
  const fields = recordType.fields.map((f) => formField(f, role, lang, lists));
  return {
    recordType: recordType.key,
    title: recordType.labels[lang],
    lang,
    role,
    canSubmit: fields.some((f) => !f.readOnly && !f.hidden),
    fields,
  };
}
