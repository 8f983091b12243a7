import { UNSET } from '../core/payload.js';
import { SCHEMAS } from '../core/schemas.js';
import type { TrackerPlugin } from '../core/tracker.js';
import { uuidv4 } from '../core/uuid.js';
import { inBrowser } from './env.js';
import { localStore, memoryStore } from './storage.js';

/** Options of first-party identity and sessions. */
export interface IdentityOptions {
  /**
   * Where the domain user id and session live: `'localStorage'` (first-party, this origin;
   * memory when storage is blocked), or `'none'` (memory: a new user on every page load).
   * @defaultValue 'localStorage'
   */
  stateStorage?: 'localStorage' | 'none' | undefined;
  /** Prefix of the storage keys (`<prefix>id`, `<prefix>optout`). @defaultValue '_it_' */
  storagePrefix?: string | undefined;
  /** Seconds without an event after which the next event starts a new session. @defaultValue 1800 */
  sessionTimeout?: number | undefined;
  /** Attach the `client_session` 1-0-2 entity to every event. @defaultValue false */
  clientSession?: boolean | undefined;
  /**
   * Anonymous mode: no identifier is stored or sent (`duid`, `sid`, `vid`, `uid`, `tnuid`,
   * `ip` are removed) and requests carry `SP-Anonymous: *`, so the collector sets no cookie
   * and keeps no IP address. @defaultValue false
   */
  anonymous?: boolean | undefined;
  /** Track nothing when the browser sends Do Not Track. @defaultValue false */
  respectDoNotTrack?: boolean | undefined;
}

/** The identity plugin and its controls. */
export interface Identity extends TrackerPlugin {
  /** False when the user opted out or Do Not Track applies: nothing is sent. */
  allowed(): boolean;
  /** Whether anonymous mode is on. */
  anonymous(): boolean;
  /** Turns anonymous mode on (and deletes the stored ids) or off. */
  setAnonymous(on: boolean): void;
  /** Stops all tracking in this browser until {@link Identity.optIn}; remembered. */
  optOut(): void;
  optIn(): void;
  /** Ends the session: the next event starts a new one. */
  newSession(): void;
  /** Writes the session's last activity now (at `pagehide`). */
  save(): void;
  /** The current ids, or undefined before the first event or in anonymous mode. */
  ids(): { domainUserId: string; sessionId: string; sessionIndex: number } | undefined;
}

/** [domain user id, session index, session id, last event ms, previous session id, first event id, first event ms] */
type State = [string, number, string, number, string, string, number];

const IDENTIFIERS = ['uid', 'duid', 'sid', 'vid', 'tnuid', 'nuid', 'ip'];

/**
 * First-party identity: a domain user id kept in localStorage and a session that
 * ends after `sessionTimeout` without events. The state is re-read from storage
 * only when the session looks expired (another tab may have kept it alive) and
 * written when it changes or every few seconds, so that a burst of events does
 * not write storage per event.
 */
export function identity(options: IdentityOptions = {}): Identity {
  const kv = options.stateStorage == 'none' ? memoryStore() : localStore();
  const prefix = options.storagePrefix ?? '_it_';
  const idKey = prefix + 'id';
  const optKey = prefix + 'optout';
  const timeout = (options.sessionTimeout ?? 1800) * 1000;
  // Outside a browser (server-side rendering) there is no Do Not Track to read.
  const dnt =
    !!options.respectDoNotTrack &&
    inBrowser() &&
    ((navigator as { doNotTrack?: string }).doNotTrack == '1' || (window as { doNotTrack?: string }).doNotTrack == '1');
  let anon = !!options.anonymous;
  let optedOut = kv.get(optKey) == '1';
  let state: State | undefined;
  let written = 0;

  const read = (): State | undefined => {
    const parts = kv.get(idKey)?.split('.');
    if (parts?.length != 7) return undefined;
    return [parts[0]!, +parts[1]!, parts[2]!, +parts[3]!, parts[4]!, parts[5]!, +parts[6]!];
  };
  const save = () => {
    if (state && !anon) kv.set(idKey, state.join('.'));
    written = Date.now();
  };

  return {
    allowed: () => !optedOut && !dnt,
    anonymous: () => anon,
    setAnonymous(on) {
      anon = on;
      if (on) {
        state = undefined;
        kv.del(idKey);
      }
    },
    optOut() {
      optedOut = true;
      kv.set(optKey, '1');
    },
    optIn() {
      optedOut = false;
      kv.del(optKey);
    },
    newSession() {
      if (state) state[3] = 0;
    },
    save,
    ids: () => state && { domainUserId: state[0], sessionId: state[2], sessionIndex: state[1] },
    beforeTrack({ payload, contexts }) {
      if (anon) {
        // Unset rather than deleted: the payload keeps its shape (see newPayload).
        for (const key of IDENTIFIERS) payload[key] = UNSET;
        return;
      }
      if (optedOut || dnt) return;
      const now = Date.now();
      if (!state || now - state[3] > timeout) {
        const stored = read();
        if (stored && (!state || stored[3] > state[3])) state = stored;
      }
      state ??= [uuidv4(), 0, '', 0, '', '', 0];
      // A new user has no session yet (empty id): it starts one here too.
      const fresh = !state[2] || now - state[3] > timeout;
      if (fresh) state = [state[0], state[1] + 1, uuidv4(), now, state[2], payload.eid ?? '', now];
      state[3] = now;
      if (fresh || now - written > 5000) save();
      // The event's own values win.
      payload.duid ||= state[0];
      payload.sid ||= state[2];
      payload.vid ||= `${state[1]}`;
      if (options.clientSession) {
        contexts.push({
          schema: SCHEMAS.clientSession,
          data: {
            userId: state[0],
            sessionId: state[2],
            sessionIndex: state[1],
            previousSessionId: state[4] || null,
            storageMechanism: 'LOCAL_STORAGE',
            firstEventId: state[5] || null,
            firstEventTimestamp: new Date(state[6]).toISOString(),
          },
        });
      }
    },
  };
}
