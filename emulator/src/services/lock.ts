// LockService: document, script and user locks shared by every execution, released when an execution ends.
import { messages } from '../behaviour';
import type { Exec } from '../exec';

/** Which execution holds each lock ('document', 'script', 'user:<email>'). */
export type LockTable = Map<string, Exec>;

function lock(exec: Exec, table: LockTable, name: string) {
  const free = () => {
    const holder = table.get(name);
    return !holder || holder.ended || holder === exec;
  };
  // Executions here never run in parallel: a holder other than us is suspended beneath us (an
  // interleaved execution, see Emulator.hooks) and cannot release while we wait, so a wait always
  // lasts its whole timeout, as it would in Apps Script when the holder outlives it.
  const acquire = (ms: number) => {
    // A negative timeout never acquires, even a free lock: tryLock gives false and waitLock throws, as live.
    if (!(ms >= 0)) return false;
    if (free()) {
      table.set(name, exec);
      return true;
    }
    exec.spend(Math.max(0, ms));
    return false;
  };
  return {
    tryLock(ms: number) {
      exec.charge('LockService', 'tryLock');
      return acquire(ms);
    },
    waitLock(ms: number) {
      exec.charge('LockService', 'waitLock');
      if (!acquire(ms)) exec.fail(messages.lockTimeout);
    },
    releaseLock() {
      exec.charge('LockService', 'releaseLock');
      if (table.get(name) === exec) table.delete(name);
    },
    hasLock() {
      exec.charge('LockService', 'hasLock');
      return table.get(name) === exec;
    },
  };
}

export function createLockService(exec: Exec, table: LockTable) {
  return {
    // Null outside a container's context: a web app, even of a bound script (LockService reference).
    getDocumentLock: () => (exec.kind === 'web-app' ? null : lock(exec, table, 'document')),
    getScriptLock: () => lock(exec, table, 'script'),
    getUserLock: () => lock(exec, table, `user:${exec.effectiveUserEmail}`),
  };
}

/** Releases every lock an execution still holds (Apps Script does this when an execution ends). */
export function releaseAll(table: LockTable, exec: Exec) {
  for (const [name, holder] of table) if (holder === exec) table.delete(name);
}
