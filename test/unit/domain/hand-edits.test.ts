// The hand-edit rules: which cells an edit's range covers, how a typed value is judged, maker-checker, and the Reminder log recovery.
import { editedBounds, judgeCell, logRecoveryAllowed } from '../../../src/domain/hand-edits';
import { stateAfterEdit } from '../../../src/domain/review-state';
import { customer, interaction, reminderLog } from '../../../src/schema';

const size = { lastRow: 40, lastColumn: 12 };

describe('editedBounds', () => {
  test.each([
    ['C7', { row: 7, col: 3, lastRow: 7, lastCol: 3 }],
    ['B2:D5', { row: 2, col: 2, lastRow: 5, lastCol: 4 }],
    ['5:7', { row: 5, col: 1, lastRow: 7, lastCol: 12 }],
    ['5:5', { row: 5, col: 1, lastRow: 5, lastCol: 12 }],
    ['D:F', { row: 1, col: 4, lastRow: 40, lastCol: 6 }],
    ['D2:D', { row: 2, col: 4, lastRow: 40, lastCol: 4 }],
    ['$A$1:$B$2', { row: 1, col: 1, lastRow: 2, lastCol: 2 }],
    ['AA10', { row: 10, col: 27, lastRow: 10, lastCol: 27 }],
  ])('%s', (a1, bounds) => {
    expect(editedBounds(a1, size)).toEqual(bounds);
  });

  test.each(['', 'D', '7', ':', 'A1:B2:C3'])('%j is not a range it acts on', (a1) => {
    expect(editedBounds(a1, size)).toBeNull();
  });
});

describe('judgeCell', () => {
  const o = { lang: 'en' as const, phoneRegion: 'CN' };

  test('a phone the sidebar would normalize is normalized', () => {
    expect(judgeCell(customer, 'phone', '0755 8888 8889', o)).toEqual({
      kind: 'normalized',
      value: '+8675588888889',
    });
  });

  test('a value already in standard form passes as it is', () => {
    expect(judgeCell(customer, 'phone', '+8675588888889', o)).toEqual({
      kind: 'valid',
      value: '+8675588888889',
    });
    expect(judgeCell(customer, 'city', '', o)).toEqual({ kind: 'valid', value: null });
  });

  test('a value it refuses is named with the field and the reason, in the register’s language', () => {
    const j = judgeCell(customer, 'email', 'not-an-email', { ...o, lang: 'zh' });
    expect(j.kind).toBe('invalid');
    expect(j.kind === 'invalid' && j.message).toContain('电子邮件');
    expect(judgeCell(interaction, 'summary', '', o).kind).toBe('invalid');
  });
});

describe('stateAfterEdit (maker-checker)', () => {
  test.each([
    ['Clerk', 'approved', 'pendingReview'],
    ['Clerk', 'returned', 'pendingReview'],
    [null, 'approved', 'pendingReview'],
    ['Clerk', 'pendingReview', null],
    ['Manager', 'approved', null],
    ['Admin', 'returned', null],
  ] as const)('%s editing a %s entry → %s', (role, state, next) => {
    expect(stateAfterEdit(role, state)).toBe(next);
  });
});

describe('logRecoveryAllowed', () => {
  test('only an Admin, only the outcome, only from Sending to Failed or Sent', () => {
    expect(logRecoveryAllowed(reminderLog, 'outcome', 'sending', 'failed', 'Admin')).toBe(true);
    expect(logRecoveryAllowed(reminderLog, 'outcome', 'sending', 'sent', 'Admin')).toBe(true);
    expect(logRecoveryAllowed(reminderLog, 'outcome', 'sending', 'failed', 'Manager')).toBe(false);
    expect(logRecoveryAllowed(reminderLog, 'outcome', 'sending', 'failed', null)).toBe(false);
    expect(logRecoveryAllowed(reminderLog, 'outcome', 'sent', 'failed', 'Admin')).toBe(false);
    expect(logRecoveryAllowed(reminderLog, 'recipient', 'sending', 'failed', 'Admin')).toBe(false);
    expect(logRecoveryAllowed(customer, 'outcome', 'sending', 'failed', 'Admin')).toBe(false);
  });
});
