// CacheService: best-effort string caches with expiry on the fake clock and Apps Script's size limits.
import { limits } from '../behaviour';
import type { Exec } from '../exec';

type Entry = { value: string; expires: number };
export type CacheStores = {
  document: Map<string, Entry>;
  script: Map<string, Entry>;
  user: Map<string, Map<string, Entry>>;
};

export function emptyCacheStores(): CacheStores {
  return { document: new Map(), script: new Map(), user: new Map() };
}

function cache(exec: Exec, store: Map<string, Entry>) {
  const live = (key: string) => {
    const e = store.get(key);
    if (!e) return null;
    if (e.expires <= exec.now()) {
      store.delete(key);
      return null;
    }
    return e.value;
  };
  const put = (key: string, value: unknown, seconds = 600) => {
    const v = String(value);
    if (key.length > 250) exec.fail('Argument too large: key');
    if (Buffer.byteLength(v, 'utf8') > limits.cacheValueBytes) exec.fail('Argument too large: value');
    const ttl = Math.min(Math.max(1, seconds), limits.cacheMaxExpirySeconds);
    store.set(key, { value: v, expires: exec.now() + ttl * 1000 });
  };
  return {
    get(key: string) {
      exec.charge('CacheService', 'get');
      return live(key);
    },
    getAll(keys: string[]) {
      exec.charge('CacheService', 'getAll');
      const out: Record<string, string> = {};
      for (const k of keys) {
        const v = live(k);
        if (v !== null) out[k] = v;
      }
      return out;
    },
    put(key: string, value: unknown, seconds?: number) {
      exec.charge('CacheService', 'put');
      put(key, value, seconds);
    },
    putAll(values: Record<string, unknown>, seconds?: number) {
      exec.charge('CacheService', 'putAll');
      for (const [k, v] of Object.entries(values)) put(k, v, seconds);
    },
    remove(key: string) {
      exec.charge('CacheService', 'remove');
      store.delete(key);
    },
    removeAll(keys: string[]) {
      exec.charge('CacheService', 'removeAll');
      for (const k of keys) store.delete(k);
    },
  };
}

export function createCacheService(exec: Exec, stores: CacheStores) {
  return {
    getDocumentCache: () => cache(exec, stores.document),
    getScriptCache: () => cache(exec, stores.script),
    getUserCache: () => {
      const who = exec.effectiveUserEmail;
      if (!stores.user.has(who)) stores.user.set(who, new Map());
      return cache(exec, stores.user.get(who) as Map<string, Entry>);
    },
  };
}
