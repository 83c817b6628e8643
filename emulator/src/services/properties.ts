// PropertiesService: document, script and user stores of string values with Apps Script's size limits.
import { limits, messages } from '../behaviour';
import type { Exec } from '../exec';
import { requireDocumentAccess } from './auth';

export type PropertyStores = {
  document: Record<string, string>;
  script: Record<string, string>;
  user: Record<string, Record<string, string>>;
};

export function emptyPropertyStores(): PropertyStores {
  return { document: {}, script: {}, user: {} };
}

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

function storeSize(store: Record<string, string>) {
  let n = 0;
  for (const [k, v] of Object.entries(store)) n += bytes(k) + bytes(v);
  return n;
}

function properties(exec: Exec, store: Record<string, string>) {
  const call = (m: string) => {
    requireDocumentAccess(exec);
    exec.charge('PropertiesService', m);
  };
  const put = (key: string, value: unknown) => {
    const v = String(value);
    if (bytes(v) > limits.propertyValueBytes) exec.fail(messages.propertyTooLarge);
    const before = store[key];
    store[key] = v;
    if (storeSize(store) > limits.propertyStoreBytes) {
      if (before === undefined) delete store[key];
      else store[key] = before;
      exec.fail(messages.propertiesStoreFull);
    }
  };
  const self = {
    getProperty(key: string) {
      call('getProperty');
      return Object.hasOwn(store, key) ? store[key] : null;
    },
    setProperty(key: string, value: unknown) {
      call('setProperty');
      put(String(key), value);
      return self;
    },
    getProperties() {
      call('getProperties');
      return { ...store };
    },
    setProperties(values: Record<string, unknown>, deleteAllOthers = false) {
      call('setProperties');
      if (deleteAllOthers) for (const k of Object.keys(store)) if (!(k in values)) delete store[k];
      for (const [k, v] of Object.entries(values)) put(k, v);
      return self;
    },
    getKeys() {
      call('getKeys');
      return Object.keys(store);
    },
    deleteProperty(key: string) {
      call('deleteProperty');
      delete store[key];
      return self;
    },
    deleteAllProperties() {
      call('deleteAllProperties');
      for (const k of Object.keys(store)) delete store[k];
      return self;
    },
  };
  return self;
}

export function createPropertiesService(exec: Exec, stores: PropertyStores) {
  return {
    getDocumentProperties: () => properties(exec, stores.document),
    getScriptProperties: () => properties(exec, stores.script),
    getUserProperties: () => {
      const who = exec.effectiveUserEmail || exec.activeUserEmail;
      stores.user[who] ??= {};
      return properties(exec, stores.user[who]);
    },
  };
}
