// The pure rules of a backup taken in steps: the ID hash carried block to block, rows that moved, parts under the blob limit.
import fc from 'fast-check';
import {
  afterBlock,
  hashIds,
  partTexts,
  prefixHolds,
  restartSheet,
  startBackup,
} from '../../../../src/domain/care/backup-steps';
import { utf8Bytes } from '../../../../src/domain/text';

const ids = fc.array(fc.oneof(fc.string(), fc.constant('')), { maxLength: 60 });

test('the hash of the IDs block by block is the hash of them all at once', () => {
  fc.assert(
    fc.property(ids, fc.nat(60), (all, cut) => {
      const at = Math.min(cut, all.length);
      expect(hashIds(all.slice(at), hashIds(all.slice(0, at)))).toBe(hashIds(all));
    }),
  );
});

test('rows read so far hold when the same IDs are in them, and not when two swapped or one was deleted', () => {
  let p = startBackup('2026-11-23T00:00:00Z', 'x', 'a@example.com');
  p = afterBlock(p, 0, {
    ids: ['C-1', 'C-2', 'C-3'],
    files: [{ file: 'f1', rows: 3 }],
    ended: false,
    tookMs: 5,
  });
  expect(prefixHolds(p, 0, ['C-1', 'C-2', 'C-3', 'C-4'])).toBe(true);
  expect(prefixHolds(p, 0, ['C-2', 'C-1', 'C-3', 'C-4'])).toBe(false);
  expect(prefixHolds(p, 0, ['C-1', 'C-3', 'C-4'])).toBe(false);
  expect(prefixHolds(p, 0, ['C-1', 'C-2'])).toBe(false);
  const progress = restartSheet(p, 0);
  expect(progress).toMatchObject({ sheet: 0, parts: [], restarts: 1 });
  expect(progress.read[0].rows).toBe(0);
});

test('a block that ends its sheet moves the backup on; a closing step’s block leaves it closing', () => {
  let p = startBackup('2026-11-23T00:00:00Z', 'x', 'a@example.com');
  p = afterBlock(p, 0, { ids: ['C-1'], files: [{ file: 'f1', rows: 1 }], ended: true, tookMs: 5 });
  expect(p.sheet).toBe(1);
  const closing = { ...p, sheet: 3 };
  const after = afterBlock(closing, 0, {
    ids: ['C-2'],
    files: [{ file: 'f2', rows: 1 }],
    ended: true,
    tookMs: 9,
  });
  expect(after).toMatchObject({ sheet: 3, longestMs: 9 });
  expect(after.read[0].rows).toBe(2);
  expect(after.parts.map((x) => x.file)).toEqual(['f1', 'f2']);
});

test('a block too large for one file is split until each part fits, keeping every row in order', () => {
  fc.assert(
    fc.property(
      fc.array(fc.string({ unit: 'grapheme', maxLength: 40 }), { maxLength: 80 }),
      fc.integer({ min: 60, max: 600 }),
      (rows, max) => {
        const texts = partTexts(rows, (r) => JSON.stringify(r), max);
        expect(texts.flatMap((t) => t.rows)).toEqual(rows);
        for (const t of texts) {
          expect(t.text).toBe(JSON.stringify(t.rows));
          if (t.rows.length > 1) expect(utf8Bytes(t.text)).toBeLessThanOrEqual(max);
        }
      },
    ),
  );
});

test('UTF-8 bytes are counted as Drive counts them, Chinese and emoji included', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme' }), (s) => {
      expect(utf8Bytes(s)).toBe(Buffer.byteLength(s, 'utf8'));
    }),
  );
  expect(utf8Bytes('客户 😀')).toBe(11);
});
