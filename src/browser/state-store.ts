import { getCookie, setCookie, type CookieAttributes } from './cookies.js';
import type { KeyValueStore } from './storage.js';

/** Where identity state lives, as Snowplow's `stateStorageStrategy` names it. */
export type StateStorageStrategy = 'cookieAndLocalStorage' | 'cookie' | 'localStorage' | 'none';

/** Named values with a lifetime, in cookies or localStorage as the strategy says. */
export interface StateStore {
  /** The value, or '' when absent or expired. */
  get(name: string): string;
  /** Stores the value for `seconds`; false when it did not stick. */
  set(name: string, value: string, seconds: number): boolean;
  /** Deletes the value wherever any strategy could have put it. */
  del(name: string): void;
}

/**
 * The identity state's storage for the current strategy (read at each call: anonymous
 * tracking can switch it). In localStorage, a value's expiry is kept beside it under
 * `<name>.expires` (milliseconds), as Snowplow keeps it, and checked on read.
 */
export function stateStore(strategy: () => StateStorageStrategy, cookie: CookieAttributes, ls: KeyValueStore): StateStore {
  const expires = (name: string) => name + '.expires';
  const del = (name: string) => {
    ls.del(name);
    ls.del(expires(name));
  };
  return {
    get(name) {
      const where = strategy();
      if (where == 'none') return '';
      if (where != 'localStorage') return getCookie(name);
      const until = ls.get(expires(name));
      if (until == null || +until > Date.now()) return ls.get(name) ?? '';
      del(name);
      return '';
    },
    set(name, value, seconds) {
      const where = strategy();
      if (where == 'localStorage') return ls.set(expires(name), `${Date.now() + seconds * 1000}`) && ls.set(name, value);
      return where != 'none' && setCookie(name, value, seconds, cookie);
    },
    del(name) {
      del(name);
      setCookie(name, '', -1, cookie);
    },
  };
}
