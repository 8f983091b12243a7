import type { SerializedEvent } from '../core/types.js';
import { utf8ByteLength } from '../core/utf8.js';
import { MemoryEventStore } from '../emitter/memory-store.js';
import type { EventStore } from '../emitter/store.js';
import type { KeyValueStore } from './storage.js';
import { warn } from '../emitter/callbacks.js';

/** A tab that has not renewed its lease for this long has gone; its events may be claimed. */
const LEASE_MS = 15_000;

/**
 * An event read back from storage, or undefined when the line is not one this store
 * wrote: the tracker's events are JSON objects of strings with an `eid`. Anything else
 * (a torn write, another script's data, a hand-edited value) would make a whole batch
 * unreadable to the collector, so it is dropped here instead of poisoning later events.
 */
function restore(line: string): SerializedEvent | undefined {
  let fields: unknown;
  try {
    fields = JSON.parse(line);
  } catch {
    return;
  }
  if (!fields || typeof fields != 'object' || Array.isArray(fields)) return;
  for (const key in fields) if (typeof (fields as Record<string, unknown>)[key] != 'string') return;
  const eid = (fields as { eid?: string }).eid;
  if (!eid) return;
  const json = JSON.stringify(fields);
  return { eid, json, bytes: utf8ByteLength(json) };
}

/** The persistent store, plus the hooks the page lifecycle calls. */
export interface BrowserEventStore extends EventStore {
  /**
   * The page is hidden or going away. Events on the wire in `keepalive` requests (their
   * ids in `sent`) will arrive without us, so they are forgotten. When `leaving`, the
   * lease is released so that the next page load takes over what is left at once.
   */
  unload(sent: ReadonlySet<string>, leaving: boolean): void;
  /** Renews the lease and takes over the queues of tabs that have gone. */
  tick(): void;
}

/**
 * One storage write holds every event added while a task runs: an append-only segment.
 * `_done` counts its leading events that are acknowledged, persisted in a tiny side key
 * so that a crash resends only what was not delivered. (Fields are short or
 * `_`-prefixed, which the script-tag build mangles.)
 */
interface Segment {
  /** Its storage key. */
  k: string;
  _done: number;
  _acked: boolean[];
  /** Its events, until written; then emptied. */
  _add: SerializedEvent[];
  /** Its event ids, in order. */
  _ids: string[];
}

/**
 * An {@link EventStore} that survives reloads and crashes in localStorage, with a
 * cost per event that does not depend on the queue's length: the events added while a
 * task runs are written once, as one segment, in a later task (so the write never
 * lengthens a track call); acknowledgements only touch a counter, and a delivered
 * segment is removed whole. The waiting events themselves live in a
 * {@link MemoryEventStore}.
 *
 * Each page (tab) owns its own segments under a lease it renews; a page never reads
 * another's queue unless that lease has expired or was released at `pagehide`, and
 * then claims it after a random delay and a re-check, so two tabs do not send the
 * same events. When storage is missing or full, events simply stay in memory.
 *
 * @param onRestore - called after events of a gone page were taken over, to send them.
 */
export function persistentStore(kv: KeyValueStore, prefix: string, onRestore: () => void): BrowserEventStore {
  const tab = Math.random().toString(36).slice(2, 10);
  const leaseKey = prefix + tab;
  // The waiting events live in memory; this adds their persistence around `add` and `ack`.
  const store = new MemoryEventStore() as MemoryEventStore & BrowserEventStore;
  const keep = store.add.bind(store);
  let seq = 0;
  let lease: string | undefined;
  let open: Segment | undefined;
  // The segments with events not yet acknowledged, oldest first (the open one last). An
  // event is found by its id in its segment's list, from the first one not acknowledged:
  // events are acknowledged mostly in the order they were added, so the search mostly
  // stops at once, and adding an event costs array pushes instead of an entry in a map
  // of every event (Chromium 156, cold loop of 1,000 events: docs/benchmarks.md).
  let live: Segment[] = [];
  const drop = (segment: Segment) => (live = live.filter((other) => other != segment));

  // Writes a segment's progress: removed whole once every event is acknowledged.
  const save = (segment: Segment) => {
    if (segment._done == segment._ids.length) kv.del(segment.k), kv.del(segment.k + 'd'), drop(segment);
    else if (segment._done) kv.set(segment.k + 'd', String(segment._done));
  };

  // Writes the open segment: what was delivered meanwhile is already counted in `_done`.
  // One not written (storage full, all delivered) is forgotten: its events live in memory.
  const persist = () => {
    const segment = open;
    if (!segment) return;
    open = undefined;
    if (segment._done < segment._ids.length && kv.set(segment.k, segment._add.map((event) => event.json).join('\n'))) save(segment);
    else drop(segment);
    segment._add = [];
  };

  const forget = (eids: Iterable<string>) => {
    const touched = new Set<Segment>();
    for (const eid of eids) {
      for (const segment of live) {
        const index = segment._ids.indexOf(eid, segment._done);
        if (index < 0) continue;
        segment._acked[index] = true;
        while (segment._acked[segment._done]) segment._done++;
        touched.add(segment);
        break;
      }
    }
    // The open segment is not written yet: `persist` writes what is left.
    for (const segment of touched) if (segment != open) save(segment);
  };

  const renew = () => {
    // Someone else wrote our lease: we looked gone (a long-frozen tab). Drop what they took.
    if (lease && kv.get(leaseKey) != lease) {
      const kept = new Set(kv.keys(leaseKey + '.'));
      const lost = new Set<string>();
      // (The open segment is not written yet: no one can have taken it.)
      live = live.filter((segment) => segment == open || kept.has(segment.k) || (segment._ids.map((eid) => lost.add(eid)), false));
      store.release(store.take({ count: Infinity, bytes: Infinity, overhead: 0 }).filter((event) => !lost.has(event.eid)));
    }
    kv.set(leaseKey, (lease = String(Date.now() + LEASE_MS)));
  };

  const claim = () => {
    const now = Date.now();
    const gone = new Set<string>();
    for (const key of kv.keys(prefix)) {
      const owner = key.slice(prefix.length).split('.')[0]!;
      // A lease is its expiry time; a claim mark is `<expiry>c<tab>`, so a stale mark expires too.
      // No lease at all is `parseInt(null)`, NaN: gone.
      if (owner != tab && !(parseInt(kv.get(prefix + owner)!) > now)) gone.add(owner);
    }
    if (!gone.size) return;
    const mark = `${now + 1000}c${tab}`;
    for (const owner of gone) kv.set(prefix + owner, mark);
    // Another tab may be claiming the same queue: the last mark written wins. Tabs in
    // other processes see each other's localStorage writes late, so both could still read
    // their own mark: where Web Locks exist (secure contexts), the queue is taken under a
    // lock that no other tab gets while it is held, nor for a while after (time for the
    // deletions to reach every tab); a tab that did not get it tries again at a later tick.
    setTimeout(() => {
      const locks = (globalThis.navigator as (Navigator & { locks?: LockManager }) | undefined)?.locks;
      for (const owner of gone) {
        if (kv.get(prefix + owner) != mark) continue;
        if (locks) {
          void locks.request(prefix + owner, { ifAvailable: true }, (lock) => lock && (take(owner), new Promise((resolve) => setTimeout(resolve, 3000)))).catch(() => {});
          continue;
        }
        take(owner);
      }
    }, 50 + Math.random() * 200);

    // Moves a gone tab's stored events into this store.
    function take(owner: string) {
      if (kv.get(prefix + owner) != mark) return;
      let restored = 0, corrupt = 0;
      // Oldest first. Segment names are numbers of one length (13-digit milliseconds until
      // the year 2286, then 3 digits), so text order is their numeric order.
      const segments = kv
        .keys(prefix + owner + '.')
        .filter((key) => !key.endsWith('d'))
        .sort();
      for (const key of segments) {
        const lines = (kv.get(key) ?? '').split('\n');
        // The progress counter: absent is 0. A corrupt one (not a whole number within the
        // segment) is read as 0 too: resending delivered events beats losing waiting ones.
        const done = kv.get(key + 'd') ?? '0';
        const from = /^\d+$/.test(done) && +done <= lines.length ? +done : (corrupt++, 0);
        for (const line of lines.slice(from)) {
          const event = restore(line);
          if (event) store.add(event), restored++;
          else corrupt++;
        }
        // Our copy is written in a moment; theirs goes now.
        kv.del(key);
        kv.del(key + 'd');
      }
      kv.del(prefix + owner);
      if (corrupt) warn(`isotrack: ${corrupt} corrupt item(s) of the stored event queue discarded`);
      if (restored) queueMicrotask(onRestore);
    }
  };

  return Object.assign(store, {
    add(event: SerializedEvent) {
      keep(event);
      if (!kv.persistent) return;
      if (!open) {
        live.push((open = { k: `${leaseKey}.${Date.now()}${String(seq++ % 1000).padStart(3, '0')}`, _done: 0, _acked: [], _add: [], _ids: [] }));
        setTimeout(persist);
      }
      open._add.push(event);
      open._ids.push(event.eid);
    },
    ack: (events: readonly SerializedEvent[]) => forget(events.map((event) => event.eid)),
    unload(sent: ReadonlySet<string>, leaving: boolean) {
      persist();
      forget(sent);
      if (leaving && kv.persistent) kv.set(leaseKey, '0');
    },
    tick() {
      if (kv.persistent) renew(), claim();
    },
  });
}
