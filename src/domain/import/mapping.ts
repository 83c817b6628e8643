// Which register field each column of a file fills: matched by label in both languages and common synonyms, changeable by the user.
import { customer, type RecordType } from '../../schema';
import { nameKey } from '../duplicates';

/** A column's target: a field key, one half of a split name, the Notes, or nothing. */
export type ColumnTarget = string | 'firstName' | 'lastName' | 'notes' | 'ignore';

/** Header spellings other programs and old sheets use, by field (compared after nameKey: case, spaces, punctuation ignored). */
const SYNONYMS: Record<string, readonly string[]> = {
  name: ['Full name', 'Customer name', 'Contact', 'Contact name', '客户姓名', '联系人', '名称'],
  firstName: ['First name', 'Given name', 'Forename', '名'],
  lastName: ['Last name', 'Surname', 'Family name', '姓'],
  company: [
    'Company name',
    'Organization',
    'Organisation',
    'Business',
    'Employer',
    '公司',
    '公司名称',
    '单位',
    '企业',
  ],
  phone: [
    'Phone 1',
    'Phone number',
    'Mobile',
    'Mobile phone',
    'Cell',
    'Tel',
    'Telephone',
    '手机',
    '手机号',
    '电话',
    '联系电话',
  ],
  email: ['E-mail', 'Email address', 'E-mail address', 'Mail', '邮箱', '电子邮箱', '电子邮件'],
  country: ['Country', 'Country/Region', 'Nation', '国家', '地区', '国家地区'],
  region: ['State', 'Province', 'Prefecture', '省', '省份', '州'],
  city: ['Town', '市', '城市'],
  street: ['Address', 'Street', 'Address 1', 'Address line 1', '地址', '街道'],
  postcode: ['Zip', 'Zip code', 'Postal code', 'Post code', '邮编'],
  birthDate: ['Birthday', 'Date of birth', 'DOB', '生日'],
  title: ['Job title', 'Position', '职位', '职务'],
  notes: ['Note', 'Comments', 'Comment', 'Remarks', '备注'],
  customerType: ['Type', '类型'],
};

function keysOf(recordType: RecordType): Map<string, ColumnTarget> {
  const keys = new Map<string, ColumnTarget>();
  const add = (spelling: string, target: ColumnTarget) => {
    const k = nameKey(spelling);
    if (k && !keys.has(k)) keys.set(k, target);
  };
  for (const f of recordType.fields) {
    if (f.system) continue;
    add(f.labels.en, f.key);
    add(f.labels.zh, f.key);
    add(f.key, f.key);
  }
  for (const [target, spellings] of Object.entries(SYNONYMS)) for (const s of spellings) add(s, target);
  return keys;
}

/**
 * The target of each header, each field taken once (the first column wins; a later one with the same
 * meaning goes to Notes, so nothing in the file is dropped unseen). Unknown headers go to Notes.
 */
export function matchHeaders(headers: readonly string[], recordType: RecordType = customer): ColumnTarget[] {
  const keys = keysOf(recordType);
  const taken = new Set<string>();
  return headers.map((h) => {
    const target = keys.get(nameKey(h));
    if (!target || target === 'notes') return h.trim() ? 'notes' : 'ignore';
    if (taken.has(target)) return 'notes';
    taken.add(target);
    return target;
  });
}

/** How many headers name a field: none means the file has no recognizable header. */
export function recognized(targets: readonly ColumnTarget[]): number {
  return targets.filter((t) => t !== 'notes' && t !== 'ignore').length;
}

/**
 * One file row as the values a customer is checked with: a split name joined, unmapped columns written
 * into Notes as "Header: value" lines (after the file's own notes), empty cells left out.
 */
export function rawRecord(
  headers: readonly string[],
  targets: readonly ColumnTarget[],
  cells: readonly string[],
): Record<string, string> {
  const out: Record<string, string> = {};
  const own: string[] = [];
  const notes: string[] = [];
  let first = '';
  let last = '';
  targets.forEach((target, i) => {
    const v = cells[i] ?? '';
    if (target === 'ignore' || v.trim() === '') return;
    if (target === 'firstName') first = v.trim();
    else if (target === 'lastName') last = v.trim();
    else if (target === 'notes' && isNotesHeader(headers[i])) own.push(v);
    else if (target === 'notes') notes.push(`${headers[i].trim()}: ${v}`);
    else out[target] = v;
  });
  // Chinese names are written family name first, with no space: 姓 张 + 名 三 is 张三.
  const joined = /[\u3400-\u9fff]/.test(first + last)
    ? last + first
    : [first, last].filter(Boolean).join(' ');
  if (joined && !out.name) out.name = joined;
  if (own.length || notes.length) out.notes = [...own, ...notes].join('\n');
  return out;
}

function isNotesHeader(h: string | undefined): boolean {
  const k = nameKey(h ?? '');
  return k === 'notes' || SYNONYMS.notes.some((s) => nameKey(s) === k) || k === nameKey('备注');
}
