// One execution's view of a spreadsheet: the metering, the realm conversions and the factories of its facades.

import type { Behaviour } from '../behaviour';
import type { ExecutionContext } from '../execution';
import { isDate } from './cells';
import { createMetadata, createMetadataFinder, type MetadataScope } from './facade-metadata';
import { createNamedRange } from './facade-named-range';
import { createProtection } from './facade-protection';
import { createRange } from './facade-range';
import { createRangeList } from './facade-range-list';
import { createSheet } from './facade-sheet';
import { createSpreadsheet } from './facade-spreadsheet';
import { createTextFinder, type FinderScope } from './facade-text-finder';
import { rangeRefs } from './handles';
import { type CriterionValue, isStoredDate, type RangeRef, type SpreadsheetState } from './state';

export type Facade = Record<string, unknown>;

export class Session {
  constructor(
    readonly state: SpreadsheetState,
    readonly behaviour: Behaviour,
    readonly ctx: ExecutionContext,
  ) {}

  /** A charging function for one class: every script call on a document object goes through it exactly once. */
  meter(cls: string): (method: string, cells?: number, scanned?: number) => void {
    return (method, cells = 0, scanned = 0) => {
      if (this.muted === 0) this.ctx.charge('SpreadsheetApp', `${cls}.${method}`, cells, scanned);
    };
  }

  private muted = 0;

  /** Runs facade methods on behalf of one call already charged (a RangeList's ranges): they charge nothing. */
  quietly<T>(f: () => T): T {
    this.muted++;
    try {
      return f();
    } finally {
      this.muted--;
    }
  }

  private depth = 0;

  /**
   * Times the facade's methods in place (the object stays the same, so identity checks hold): the
   * time spent inside the emulated service is Apps Script's work, not the script's compute.
   */
  instrument<T extends Facade>(self: T): T {
    for (const [name, value] of Object.entries(self)) {
      if (typeof value !== 'function') continue;
      const method = value as (...args: unknown[]) => unknown;
      (self as Facade)[name] = (...args: unknown[]) => {
        if (this.depth++ > 0) {
          try {
            return method.apply(self, args);
          } finally {
            this.depth--;
          }
        }
        const t0 = performance.now();
        try {
          return method.apply(self, args);
        } finally {
          this.depth--;
          this.ctx.addServiceTime?.(performance.now() - t0);
        }
      };
    }
    return self;
  }

  date(ms: number): Date {
    return new this.ctx.realmDate(ms);
  }

  spreadsheet(): Facade {
    return createSpreadsheet(this);
  }

  sheet(id: number): Facade {
    return createSheet(this, id);
  }

  range(ref: RangeRef): Facade {
    return createRange(this, ref);
  }

  rangeList(refs: readonly RangeRef[]): Facade {
    return createRangeList(this, refs);
  }

  protection(id: number): Facade {
    return createProtection(this, id);
  }

  metadata(id: number): Facade {
    return createMetadata(this, id);
  }

  metadataFinder(scope: MetadataScope): Facade {
    return createMetadataFinder(this, scope);
  }

  namedRange(name: string): Facade {
    return createNamedRange(this, name);
  }

  textFinder(scope: FinderScope, text: unknown): Facade {
    return createTextFinder(this, scope, String(text));
  }

  user(email: string): Facade {
    return { getEmail: () => email, toString: () => email };
  }

  /** A builder argument in its stored form. */
  fromScriptCriterion(v: unknown): CriterionValue {
    if (isDate(v)) return { d: v.getTime() };
    if (Array.isArray(v)) return v.map((x) => String(x));
    if (typeof v === 'object' && v !== null) {
      const ref = rangeRefs.get(v);
      if (ref) return { range: { ...ref } };
    }
    if (typeof v === 'number' || typeof v === 'boolean') return v;
    return String(v);
  }

  /** A stored criterion as scripts see it: Dates of their realm, ranges as Range objects. */
  toScriptCriterion(v: CriterionValue): unknown {
    if (Array.isArray(v)) return [...v];
    if (isStoredDate(v)) return this.date(v.d);
    if (typeof v === 'object' && v !== null && 'range' in v) return this.range(v.range);
    return v;
  }
}
