// The Protection object: editors, warning-only, domain edit, unprotected ranges and removal of one protection.

import { sheetById } from './cells';
import { ProtectionType } from './enums';
import { refOf } from './handles';
import { sheetMessages } from './messages';
import { assertProtectionChangeable, canEditProtection, protectionEditors } from './permissions';
import type { Facade, Session } from './session';
import type { ProtectionState } from './state';

function emails(users: unknown): string[] {
  const list = Array.isArray(users) ? users : [users];
  return list.map((u) =>
    typeof u === 'object' && u !== null && typeof (u as { getEmail?: unknown }).getEmail === 'function'
      ? String((u as { getEmail(): unknown }).getEmail())
      : String(u),
  );
}

export function createProtection(s: Session, id: number): Facade {
  const charge = s.meter('Protection');
  const p = (): ProtectionState => {
    const found = s.state.protections.find((x) => x.id === id);
    if (!found) throw new Error(sheetMessages.protectionRemoved);
    return found;
  };
  /** The first change to the editors freezes the mirrored list into an explicit one. */
  const changeable = (): ProtectionState => {
    const x = p();
    assertProtectionChangeable(s.state, s.ctx, x);
    return x;
  };
  const makeExplicit = (x: ProtectionState): void => {
    if (!x.explicit) {
      x.editors = protectionEditors(s.state, x);
      x.explicit = true;
    }
  };
  const add = (users: unknown): void => {
    const x = changeable();
    makeExplicit(x);
    for (const e of emails(users)) if (!x.editors.includes(e)) x.editors.push(e);
  };
  const remove = (users: unknown): void => {
    const x = changeable();
    makeExplicit(x);
    // Neither the owner nor the user running the script can be removed; Apps Script keeps them silently.
    const keep = new Set([s.state.owner, s.ctx.actingUser]);
    const gone = new Set(emails(users).filter((e) => !keep.has(e)));
    x.editors = x.editors.filter((e) => !gone.has(e));
  };

  const self: Facade = {
    getRange() {
      charge('getRange');
      const x = p();
      if (x.rect)
        return s.range({ sheetId: x.sheetId, ...x.rect, ...(x.open ? { open: { ...x.open } } : {}) });
      const sh = sheetById(s.state, x.sheetId);
      return s.range({ sheetId: sh.id, r: 1, c: 1, nr: sh.maxRows, nc: sh.maxColumns });
    },
    getProtectionType() {
      charge('getProtectionType');
      return ProtectionType[p().type];
    },
    getDescription() {
      charge('getDescription');
      return p().description;
    },
    setDescription(description: unknown) {
      charge('setDescription');
      changeable().description = String(description);
      return self;
    },
    addEditor(user: unknown) {
      charge('addEditor');
      add(user);
      return self;
    },
    addEditors(users: unknown) {
      charge('addEditors');
      add(users);
      return self;
    },
    removeEditor(user: unknown) {
      charge('removeEditor');
      remove(user);
      return self;
    },
    removeEditors(users: unknown) {
      charge('removeEditors');
      remove(users);
      return self;
    },
    getEditors() {
      charge('getEditors');
      return protectionEditors(s.state, p()).map((e) => s.user(e));
    },
    canEdit() {
      charge('canEdit');
      return canEditProtection(s.state, p(), s.ctx.actingUser);
    },
    isWarningOnly() {
      charge('isWarningOnly');
      return p().warningOnly;
    },
    setWarningOnly(warningOnly: unknown) {
      charge('setWarningOnly');
      changeable().warningOnly = Boolean(warningOnly);
      return self;
    },
    setDomainEdit(editable: unknown) {
      charge('setDomainEdit');
      const x = changeable();
      if (s.state.workspaceDomain === null) throw new Error(sheetMessages.domainEditOutsideDomain);
      makeExplicit(x);
      x.domainEdit = Boolean(editable);
      return self;
    },
    canDomainEdit() {
      charge('canDomainEdit');
      return p().domainEdit;
    },
    setUnprotectedRanges(ranges: unknown) {
      charge('setUnprotectedRanges');
      const x = changeable();
      if (x.type !== 'SHEET') throw new Error(sheetMessages.unprotectedRangesOnRange);
      const refs = (Array.isArray(ranges) ? ranges : []).map(refOf);
      if (refs.some((r) => r.sheetId !== x.sheetId)) throw new Error(sheetMessages.rangeNotOnSheet);
      x.unprotected = refs.map(({ r, c, nr, nc }) => ({ r, c, nr, nc }));
      return self;
    },
    getUnprotectedRanges() {
      charge('getUnprotectedRanges');
      const x = p();
      if (x.type !== 'SHEET') throw new Error(sheetMessages.unprotectedRangesOnRange);
      return x.unprotected.map((r) => s.range({ sheetId: x.sheetId, ...r }));
    },
    remove() {
      charge('remove');
      const x = changeable();
      s.state.protections = s.state.protections.filter((y) => y !== x);
    },
    toString: () => 'Protection',
  };
  return s.instrument(self);
}
