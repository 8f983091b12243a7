/**
 * A string key-value store that never throws. localStorage can throw on any
 * access (Safari private mode, blocked storage, quota), so every call is
 * guarded; when it is unusable the values live in memory for this page only.
 */
export interface KeyValueStore {
  get(key: string): string | null;
  /** False when the value could not be stored (quota, blocked storage). */
  set(key: string, value: string): boolean;
  del(key: string): void;
  /** Every key that starts with `prefix` (a scan: for start-up, not per event). */
  keys(prefix: string): string[];
  /** Whether values outlive this page. */
  readonly persistent: boolean;
}

/** A store that lives and dies with the page. */
export function memoryStore(): KeyValueStore {
  const map = new Map<string, string>();
  return {
    get: (key) => map.get(key) ?? null,
    set: (key, value) => (map.set(key, value), true),
    del: (key) => void map.delete(key),
    keys: (prefix) => [...map.keys()].filter((key) => key.startsWith(prefix)),
    persistent: false,
  };
}

/** localStorage when a write-read-delete probe works, else {@link memoryStore}. */
export function localStore(): KeyValueStore {
  let ls: Storage;
  try {
    ls = localStorage;
    const probe = '_it_probe';
    ls.setItem(probe, probe);
    if (ls.getItem(probe) != probe) throw 0;
    ls.removeItem(probe);
  } catch {
    return memoryStore();
  }
  // Each method, with the value it returns when storage throws.
  const guard =
    <A extends unknown[], T>(fn: (...args: A) => T, fallback: T) =>
    (...args: A): T => {
      try {
        return fn(...args);
      } catch {
        return fallback;
      }
    };
  return {
    get: guard((key) => ls.getItem(key), null),
    set: guard((key, value) => (ls.setItem(key, value), true), false),
    del: guard((key) => ls.removeItem(key), undefined),
    // Storage's own keys are its enumerable properties.
    keys: guard((prefix) => Object.keys(ls).filter((key) => key.startsWith(prefix)), []),
    persistent: true,
  };
}
