// The comparison rule of a snapshot with the register: whole, or a block of rows at a time against an index of the snapshot.
import {
  changedIn,
  diffIdentities,
  diffSheet,
  indexSheet,
  recordsOf,
  type SnapshotSheet,
} from '../../../../src/domain/care/backup';

const keys = ['id', 'name', 'city'];
const then: SnapshotSheet = {
  keys,
  rows: [
    ['C-1', 'Ann', 'Paris'],
    ['C-2', 'Bo', 'Rome'],
    ['C-3', 'Cy', null],
    ['C-4', 'Di', 'Oslo'],
  ],
};
const now: SnapshotSheet = {
  keys,
  rows: [
    ['c-1 ', 'Ann', 'Lyon'],
    ['C-3', 'Cy', null],
    ['C-5', 'Eve', 'Kyiv'],
    ['C-4', 'Dee', 'Oslo'],
  ],
};

describe('comparing a snapshot with the register', () => {
  test('whole: deleted and added by ID (any case, spaces around), changed fields (the ID’s own text too) named as the snapshot names the record', () => {
    expect(diffSheet('Customers', then, now)).toEqual({
      sheet: 'Customers',
      removed: ['C-2'],
      added: ['C-5'],
      changed: [
        { id: 'C-1', fields: ['id', 'city'] },
        { id: 'C-4', fields: ['name'] },
      ],
    });
  });

  test('blocks of rows against one index, with the IDs read once, give what the whole comparison gives', () => {
    const index = indexSheet('Customers', then);
    const rows = recordsOf(now);
    const changed = [0, 2].flatMap((from) => changedIn(index, rows.slice(from, from + 2), from));
    const ids = diffIdentities(
      'Customers',
      then,
      now.rows.map((r) => r[0]),
    );
    const whole = diffSheet('Customers', then, now);
    expect({ sheet: 'Customers', ...ids, changed }).toEqual(whole);
  });

  test('Lists rows have no ID: compared by sheet row, a block knowing where it starts', () => {
    const lists = { keys: ['status'], rows: [['Active'], ['Closed']] };
    const index = indexSheet('Lists', lists);
    expect(changedIn(index, [{ status: 'Dormant' }], 1)).toEqual([{ id: '3', fields: ['status'] }]);
    expect(diffSheet('Lists', lists, { keys: ['status'], rows: [['Active']] }).removed).toEqual(['3']);
  });
});
