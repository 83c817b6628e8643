// Row and column insertions, deletions and moves, as transforms of indices, arrays and rectangles.

import type { LayerRect, Rect } from './state';

export type Axis = 'row' | 'column';

/** One structural change along an axis; positions are 1-based and in pre-change coordinates. */
export type AxisChange =
  | { kind: 'insert'; axis: Axis; at: number; count: number; oldSize: number }
  | { kind: 'delete'; axis: Axis; at: number; count: number }
  | { kind: 'move'; axis: Axis; from: number; count: number; to: number };

export interface Interval {
  start: number;
  len: number;
}

/** Where position `i` ends up after a move (moves never delete). */
export function movedIndex(ch: { from: number; count: number; to: number }, i: number): number {
  const { from, count, to } = ch;
  if (to >= from && to <= from + count) return i;
  const inBlock = i >= from && i < from + count;
  if (to > from + count) {
    if (inBlock) return i + (to - from - count);
    if (i >= from + count && i < to) return i - count;
    return i;
  }
  if (inBlock) return i - (from - to);
  if (i >= to && i < from) return i + count;
  return i;
}

/** Where position `i` ends up, or null when it is deleted. */
export function mapIndex(ch: AxisChange, i: number): number | null {
  if (ch.kind === 'insert') return i >= ch.at ? i + ch.count : i;
  if (ch.kind === 'delete') {
    if (i >= ch.at && i < ch.at + ch.count) return null;
    return i >= ch.at + ch.count ? i - ch.count : i;
  }
  return movedIndex(ch, i);
}

/**
 * An interval after a change. Insertions strictly inside an interval widen it; an interval reaching the
 * end of the sheet keeps reaching it when rows are added at the end (so 'F2:F' rules cover appended rows),
 * unless `fixedEnd` says its end was given as a number ('B2:B1000' protections stay put).
 */
export function mapInterval(iv: Interval, ch: AxisChange, fixedEnd = false): Interval[] {
  const { start, len } = iv;
  if (ch.kind === 'insert') {
    if (ch.at <= start) return [{ start: start + ch.count, len }];
    if (ch.at < start + len) return [{ start, len: len + ch.count }];
    if (!fixedEnd && start + len - 1 === ch.oldSize && ch.at === ch.oldSize + 1)
      return [{ start, len: len + ch.count }];
    return [iv];
  }
  if (ch.kind === 'delete') {
    const end = ch.at + ch.count;
    const before = Math.max(0, Math.min(end, start) - ch.at);
    const overlap = Math.max(0, Math.min(end, start + len) - Math.max(ch.at, start));
    const left = len - overlap;
    return left > 0 ? [{ start: start - before, len: left }] : [];
  }
  const moved: number[] = [];
  for (let i = start; i < start + len; i++) moved.push(movedIndex(ch, i));
  moved.sort((a, b) => a - b);
  const runs: Interval[] = [];
  for (const p of moved) {
    const last = runs[runs.length - 1];
    if (last && last.start + last.len === p) last.len += 1;
    else runs.push({ start: p, len: 1 });
  }
  return runs;
}

function rectInterval(rect: Rect, axis: Axis): Interval {
  return axis === 'row' ? { start: rect.r, len: rect.nr } : { start: rect.c, len: rect.nc };
}

/** A rectangle after a change: none when deleted, several when a move splits it. */
export function mapRect<R extends Rect>(rect: R, ch: AxisChange, fixedEnd = false): R[] {
  return mapInterval(rectInterval(rect, ch.axis), ch, fixedEnd).map((iv) =>
    ch.axis === 'row' ? { ...rect, r: iv.start, nr: iv.len } : { ...rect, c: iv.start, nc: iv.len },
  );
}

/** A single-rectangle reference after a change: a split is widened to the span of its parts. */
export function mapRectSpan<R extends Rect>(rect: R, ch: AxisChange, fixedEnd = false): R | null {
  const parts = mapRect(rect, ch, fixedEnd);
  if (parts.length === 0) return null;
  if (ch.axis === 'row') {
    const r = Math.min(...parts.map((p) => p.r));
    const end = Math.max(...parts.map((p) => p.r + p.nr));
    return { ...rect, r, nr: end - r };
  }
  const c = Math.min(...parts.map((p) => p.c));
  const end = Math.max(...parts.map((p) => p.c + p.nc));
  return { ...rect, c, nc: end - c };
}

export function mapLayer<T>(layer: LayerRect<T>[], ch: AxisChange): LayerRect<T>[] {
  return layer.flatMap((x) => mapRect(x, ch));
}

/** Applies a change to an array indexed by position (0-based storage of 1-based positions). */
export function mapArray<T>(arr: T[], ch: AxisChange, fill: () => T): T[] {
  if (ch.kind === 'insert') {
    if (ch.at - 1 < arr.length) arr.splice(ch.at - 1, 0, ...Array.from({ length: ch.count }, fill));
    return arr;
  }
  if (ch.kind === 'delete') {
    if (ch.at - 1 < arr.length) arr.splice(ch.at - 1, ch.count);
    return arr;
  }
  const size = Math.max(arr.length, ch.from + ch.count - 1, ch.to - 1);
  if (arr.length === 0) return arr;
  const out: T[] = new Array<T>(size);
  for (let p = 1; p <= size; p++) out[movedIndex(ch, p) - 1] = p - 1 < arr.length ? arr[p - 1] : fill();
  return out;
}
