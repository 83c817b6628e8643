// Rectangle arithmetic and the rectangle-list layers that hold formats and validations compactly.

import type { LayerRect, Rect } from './state';

export function intersects(a: Rect, b: Rect): boolean {
  return a.r < b.r + b.nr && b.r < a.r + a.nr && a.c < b.c + b.nc && b.c < a.c + a.nc;
}

export function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.r >= outer.r &&
    inner.c >= outer.c &&
    inner.r + inner.nr <= outer.r + outer.nr &&
    inner.c + inner.nc <= outer.c + outer.nc
  );
}

export function containsCell(rect: Rect, row: number, column: number): boolean {
  return row >= rect.r && row < rect.r + rect.nr && column >= rect.c && column < rect.c + rect.nc;
}

/** The parts of `rect` not covered by any of `holes`. */
export function subtract(rect: Rect, holes: readonly Rect[]): Rect[] {
  let parts: Rect[] = [rect];
  for (const h of holes) {
    const next: Rect[] = [];
    for (const p of parts) {
      if (!intersects(p, h)) {
        next.push(p);
        continue;
      }
      const top = h.r - p.r;
      const bottom = p.r + p.nr - (h.r + h.nr);
      if (top > 0) next.push({ r: p.r, c: p.c, nr: top, nc: p.nc });
      if (bottom > 0) next.push({ r: h.r + h.nr, c: p.c, nr: bottom, nc: p.nc });
      const r = Math.max(p.r, h.r);
      const nr = Math.min(p.r + p.nr, h.r + h.nr) - r;
      const left = h.c - p.c;
      const right = p.c + p.nc - (h.c + h.nc);
      if (left > 0) next.push({ r, c: p.c, nr, nc: left });
      if (right > 0) next.push({ r, c: h.c + h.nc, nr, nc: right });
    }
    parts = next;
  }
  return parts;
}

/** Paints `v` over `rect`, dropping earlier rectangles it hides completely so layers stay small. */
export function paintLayer<T>(layer: LayerRect<T>[], rect: Rect, v: T | null): LayerRect<T>[] {
  const kept = layer.filter((x) => !contains(rect, x));
  if (v === null && !kept.some((x) => intersects(x, rect))) return kept;
  kept.push({ r: rect.r, c: rect.c, nr: rect.nr, nc: rect.nc, v });
  return kept;
}

/** The value at one cell, or null for the default. */
export function layerValueAt<T>(layer: readonly LayerRect<T>[], row: number, column: number): T | null {
  for (let i = layer.length - 1; i >= 0; i--) {
    const x = layer[i];
    if (containsCell(x, row, column)) return x.v;
  }
  return null;
}

/** The layer's values over a rectangle as a grid, or null when no rectangle touches it (the common case). */
export function layerGrid<T>(layer: readonly LayerRect<T>[], rect: Rect): (T | null)[][] | null {
  const hits = layer.filter((x) => intersects(x, rect));
  if (hits.length === 0) return null;
  const grid: (T | null)[][] = [];
  for (let i = 0; i < rect.nr; i++) grid.push(new Array<T | null>(rect.nc).fill(null));
  for (const x of hits) {
    const r0 = Math.max(x.r, rect.r);
    const r1 = Math.min(x.r + x.nr, rect.r + rect.nr);
    const c0 = Math.max(x.c, rect.c);
    const c1 = Math.min(x.c + x.nc, rect.c + rect.nc);
    for (let r = r0; r < r1; r++) {
      const row = grid[r - rect.r];
      for (let c = c0; c < c1; c++) row[c - rect.c] = x.v;
    }
  }
  return grid;
}

/** Paints a grid of values (one per cell) as few rectangles: vertical runs per column, merged sideways. */
export function paintLayerGrid<T>(
  layer: LayerRect<T>[],
  at: Rect,
  grid: readonly (readonly (T | null)[])[],
  key: (v: T | null) => string,
): LayerRect<T>[] {
  const runs: LayerRect<T>[] = [];
  // Runs ending just left of a column, keyed by where a run continuing them would start.
  const open = new Map<string, LayerRect<T>>();
  for (let j = 0; j < at.nc; j++) {
    let start = 0;
    for (let i = 1; i <= at.nr; i++) {
      if (i === at.nr || key(grid[i][j]) !== key(grid[start][j])) {
        const v = grid[start][j];
        const r = at.r + start;
        const c = at.c + j;
        const id = `${r}:${i - start}:${c}:${key(v)}`;
        const left = open.get(id);
        open.delete(id);
        if (left) left.nc += 1;
        const run = left ?? { r, c, nr: i - start, nc: 1, v };
        if (!left) runs.push(run);
        open.set(`${r}:${i - start}:${c + 1}:${key(v)}`, run);
        start = i;
      }
    }
  }
  let out = layer.filter((x) => !contains(at, x));
  for (const run of runs) out = paintLayer(out, run, run.v);
  return out;
}
