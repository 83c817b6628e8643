// Schema integrity: unique keys, lists that exist, both languages everywhere, and who may edit what.

import type { RecordType } from '../../../src/schema';
import {
  customer,
  defaultLists,
  defaultSettings,
  ROLES,
  recordTypes,
  SCHEMA_VERSION,
  settingDecls,
  settingsValues,
} from '../../../src/schema';
import { creditFields } from '../../../src/schema/credit';

const all: [string, RecordType][] = Object.entries(recordTypes);
const withSettings: [string, RecordType][] = [...all, ['settingsValues', settingsValues]];

function nonEmpty(text: { en: string; zh: string }): boolean {
  return text.en.trim().length > 0 && text.zh.trim().length > 0;
}

describe('schema', () => {
  test('has an integer version', () => {
    expect(Number.isInteger(SCHEMA_VERSION)).toBe(true);
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(1);
  });

  test('registry keys match record type keys and sheet names are the fixed English tabs', () => {
    for (const [key, rt] of all) expect(rt.key).toBe(key);
    expect(all.map(([, rt]) => rt.sheetName).sort()).toEqual(
      [
        'Audit',
        'Change requests',
        'Customers',
        'Interactions',
        'Lists',
        'Property',
        'Purchases',
        'Reminder log',
        'Settings',
        'Team',
      ].sort(),
    );
  });

  test.each(withSettings)('%s: field keys are unique camelCase', (_, rt) => {
    const keys = rt.fields.map((f) => f.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(/^[a-z][a-zA-Z0-9]*$/);
  });

  test.each(withSettings)('%s: labels are unique per language, so headers can be matched', (_, rt) => {
    for (const lang of ['en', 'zh'] as const) {
      const labels = rt.fields.map((f) => f.labels[lang].toLowerCase());
      expect(new Set(labels).size).toBe(labels.length);
    }
  });

  test.each(withSettings)('%s: every label and help exists in both languages', (_, rt) => {
    expect(nonEmpty(rt.labels)).toBe(true);
    for (const f of rt.fields) {
      expect([f.key, nonEmpty(f.labels)]).toEqual([f.key, true]);
      expect([f.key, nonEmpty(f.help)]).toEqual([f.key, true]);
    }
  });

  test.each(withSettings)('%s: every list referenced exists, and only list fields reference one', (_, rt) => {
    for (const f of rt.fields) {
      if (f.type === 'list')
        expect([f.key, f.list !== undefined && f.list in defaultLists]).toEqual([f.key, true]);
      else expect([f.key, f.list]).toEqual([f.key, undefined]);
    }
  });

  test.each(withSettings)('%s: formats keep text as text and dates as dates', (_, rt) => {
    for (const f of rt.fields) {
      if (['text', 'longText', 'email', 'phone', 'id', 'staffEmail', 'list'].includes(f.type))
        expect(f.format).toBe('@');
      if (f.type === 'date') expect(f.format).toBe('yyyy-mm-dd');
      if (f.type === 'dateTime') expect(f.format).toBe('yyyy-mm-dd hh:mm');
      expect(f.width).toBeGreaterThan(0);
    }
  });

  test.each(withSettings)('%s: system fields are editable by nobody; others only by known roles', (_, rt) => {
    for (const f of rt.fields) {
      if (f.system) expect([f.key, f.editableBy]).toEqual([f.key, []]);
      for (const role of f.editableBy) expect(ROLES).toContain(role);
      expect(f.editableBy).not.toContain('Viewer');
    }
  });

  test('credit rating and overdue flag are for managers and admins only', () => {
    for (const key of ['creditRating', 'overdue']) {
      const f = customer.fields.find((x) => x.key === key);
      expect(f?.editableBy).toEqual(['Admin', 'Manager']);
    }
  });

  test('clerks edit the rest of a customer', () => {
    for (const f of customer.fields) {
      if (f.system || ['creditRating', 'overdue'].includes(f.key))
        expect(f.editableBy).not.toContain('Clerk');
      else expect([f.key, f.editableBy.includes('Clerk')]).toEqual([f.key, true]);
    }
  });

  test('a customer corrects only contact, address, channel, language and preferences through their link', () => {
    const own = customer.fields.filter((f) => f.customerEditable).map((f) => f.key);
    expect(own.sort()).toEqual(
      [
        'phone',
        'email',
        'country',
        'region',
        'city',
        'street',
        'postcode',
        'preferredChannel',
        'language',
        'productPreference',
        'promotionPreference',
      ].sort(),
    );
  });

  test('the add-on-only customer columns are system fields', () => {
    const system = customer.fields.filter((f) => f.system).map((f) => f.key);
    expect(system.sort()).toEqual(
      [
        'id',
        'lastReviewed',
        'consentWithdrawn',
        'nextReviewDue',
        'lastReminded',
        'reviewCycle',
        ...creditFields.map((f) => f.key),
        'recordState',
        'enteredBy',
        'enteredAt',
        'approvedBy',
        'approvedAt',
        'updatedBy',
        'updatedAt',
      ].sort(),
    );
  });

  test('the audit and reminder log sheets are written only by the add-on', () => {
    for (const f of [...recordTypes.audit.fields, ...recordTypes.reminderLog.fields])
      expect(f.system).toBe(true);
  });

  test('the Lists sheet has one column per list', () => {
    expect(recordTypes.lists.fields.map((f) => f.key).sort()).toEqual(Object.keys(defaultLists).sort());
  });
});

describe('lists', () => {
  test.each(Object.entries(defaultLists))('%s: keys, labels and help in both languages', (key, list) => {
    expect(list.key).toBe(key);
    expect(nonEmpty(list.labels)).toBe(true);
    expect(nonEmpty(list.help)).toBe(true);
    expect(list.items.length).toBeGreaterThan(0);
    const keys = list.items.map((i) => i.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const item of list.items) expect(nonEmpty(item.labels)).toBe(true);
  });

  test.each(Object.entries(defaultLists))('%s: no label names two items, in either language', (_, list) => {
    const owner = new Map<string, string>();
    for (const item of list.items) {
      for (const text of [item.key, item.labels.en, item.labels.zh]) {
        const norm = text.toLowerCase();
        expect([norm, owner.get(norm) ?? item.key]).toEqual([norm, item.key]);
        owner.set(norm, item.key);
      }
    }
  });

  test('default lists hold the values the design names', () => {
    const keys = (list: string) => defaultLists[list].items.map((i) => i.key);
    expect(keys('customerType')).toEqual(['individual', 'company']);
    expect(keys('customerStatus')).toEqual(['prospect', 'active', 'inactive', 'dormant', 'lost']);
    expect(keys('customerTier')).toEqual(['vip', 'key', 'regular']);
    expect(keys('creditRating')).toEqual(['a', 'b', 'c', 'd']);
    expect(keys('recordState')).toEqual(['pendingReview', 'approved', 'returned', 'archived']);
    expect(keys('interactionKind')).toEqual(['consultation', 'complaint', 'suggestion', 'followUpVisit']);
    expect(keys('propertyState')).toEqual([
      'received',
      'inspected',
      'inUse',
      'damagedAwaitingRepair',
      'returned',
    ]);
    expect(keys('teamRole')).toEqual([...ROLES]);
    expect(keys('countries')).toContain('CN');
    for (const code of keys('countries')) expect(code).toMatch(/^[A-Z]{2}$/);
  });
});

describe('settings', () => {
  test('defaults are the documented ones', () => {
    expect(defaultSettings()).toMatchObject({
      defaultPhoneRegion: 'CN',
      language: 'en',
      reviewMonthsVip: 1,
      reviewMonthsActive: 3,
      reviewMonthsInactive: 6,
      reviewMonthsDormant: 12,
      reviewMonthsProspect: null,
      reviewMonthsLost: null,
      reminderHour: 9,
      idStyle: 'plain',
      propertyReturnWarningDays: 7,
    });
  });

  test('only admins change settings, and every email template has a default in both languages', () => {
    for (const s of settingDecls) expect(s.editableBy).toEqual(['Admin']);
    const d = defaultSettings();
    for (const key of ['reminderSubjectEn', 'reminderBodyEn', 'reminderSubjectZh', 'reminderBodyZh']) {
      expect(typeof d[key]).toBe('string');
      expect(String(d[key]).length).toBeGreaterThan(0);
    }
    expect(String(d.reminderBodyZh)).toContain('{{details}}');
  });

  test('list-typed defaults are keys of their lists', () => {
    for (const s of settingDecls) {
      if (s.type === 'list' && s.default !== null) {
        expect(defaultLists[s.list ?? ''].items.map((i) => i.key)).toContain(s.default);
      }
    }
  });
});
