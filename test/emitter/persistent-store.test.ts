// The browser's persistent queue reads back what an earlier page left in localStorage.
// What it reads is validated (issue 15, item 4, for the queue): corrupt segments,
// counters and lines are discarded or repaired once, with one console warning, and
// never poison the events sent with or after them. The key-value store here is a real
// in-memory implementation of the storage interface, marked persistent.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startCollector } from '@isotrack/collector';
import { persistentStore } from '../../src/browser/persistent-store.js';
import type { KeyValueStore } from '../../src/browser/storage.js';
import { Tracker } from '../../src/core/tracker.js';
import { Emitter } from '../../src/emitter/emitter.js';
import { fetchTransport } from '../../src/transports/fetch.js';
import { CollectingSink } from '../helpers/collecting-sink.js';

/** localStorage's behaviour, in memory, as a page that outlives itself would see it. */
function storage(): KeyValueStore & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    get: (key) => map.get(key) ?? null,
    set: (key, value) => (map.set(key, value), true),
    del: (key) => void map.delete(key),
    keys: (prefix) => [...map.keys()].filter((key) => key.startsWith(prefix)),
    persistent: true,
  };
}

/** Event lines as the store writes them. */
function events(n: number): { eid: string; json: string }[] {
  const sink = new CollectingSink();
  const tracker = new Tracker(sink);
  for (let i = 0; i < n; i++) tracker.trackStructEvent({ category: 'stored', action: `a${i}` });
  return sink.events;
}

const PREFIX = '_it_qtest.';

afterEach(() => vi.restoreAllMocks());

/** A store over `kv` that has taken over the gone tabs' queues. */
async function restoredStore(kv: KeyValueStore) {
  let restored: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (restored = resolve));
  const store = persistentStore(kv, PREFIX, () => restored());
  store.tick();
  await done;
  return store;
}


describe('persistent queue: state read back is validated', () => {
  it('corrupt lines and counters are discarded or repaired once, with one warning; every valid event and later ones arrive good', async () => {
    const collector = await startCollector({ port: 0 });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const kv = storage();
      const [a, b, c, d, e, f] = events(6);
      // A tab that went away (its lease released), with three segments.
      kv.set(`${PREFIX}gone`, '0');
      // 1. Valid events between lines that are not events of this store, and a counter that is negative.
      kv.set(`${PREFIX}gone.1700000000000000`, [a!.json, '[1,2]', '{"eid":"x","e":5}', 'not json', '{"e":"pv"}', b!.json].join('\n'));
      kv.set(`${PREFIX}gone.1700000000000000d`, '-3');
      // 2. A valid counter: its first event was delivered already.
      kv.set(`${PREFIX}gone.1700000000001000`, [c!.json, d!.json].join('\n'));
      kv.set(`${PREFIX}gone.1700000000001000d`, '1');
      // 3. A counter past the end of its segment.
      kv.set(`${PREFIX}gone.1700000000002000`, e!.json);
      kv.set(`${PREFIX}gone.1700000000002000d`, '99');

      const store = await restoredStore(kv);
      // a and b (the counter repaired to 0), d (c was delivered), e (the counter repaired).
      expect(store.count).toBe(4);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]![0])).toBe('isotrack: 6 corrupt item(s) of the stored event queue discarded');
      // The gone tab's keys are removed: nothing is read twice.
      expect(kv.keys(`${PREFIX}gone`)).toEqual([]);

      const emitter = new Emitter(collector.url, { store, transport: fetchTransport() });
      emitter.input(f!);
      const result = await emitter.flush({ timeout: 10_000 });
      expect(result).toMatchObject({ ok: true, queued: 0 });
      const good = collector.store.counts();
      expect(good).toMatchObject({ good: 5, bad: 0 });
      await emitter.close();
      // Nothing left stored once delivered (this tab's own segment included).
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(kv.keys(PREFIX).filter((key) => key.slice(PREFIX.length).includes('.'))).toEqual([]);
    } finally {
      await collector.close();
    }
  });

  it('a store with nothing corrupt restores silently', async () => {
    const warn = vi.spyOn(console, 'warn');
    const kv = storage();
    const [a, b] = events(2);
    kv.set(`${PREFIX}gone`, '0');
    kv.set(`${PREFIX}gone.1700000000000000`, [a!.json, b!.json].join('\n'));
    const store = await restoredStore(kv);
    expect(store.count).toBe(2);
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('persistent queue: what is stored follows the acknowledgements', () => {
  /** This tab's segments and progress counters, as a crash would leave them. */
  // Segments are named `seg0`, `seg1`… in the order written; counters get a `d`.
  const stored = (kv: ReturnType<typeof storage>) => {
    const entries = [...kv.map].filter(([key]) => key.slice(PREFIX.length).includes('.')).sort();
    const names = [...new Set(entries.map(([key]) => key.replace(/d$/, '')))];
    return Object.fromEntries(entries.map(([key, value]) => [`seg${names.indexOf(key.replace(/d$/, ''))}${key.endsWith('d') ? 'd' : ''}`, value]));
  };
  const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));
  const all = { count: Infinity, bytes: Infinity, overhead: 0 };

  it('acknowledged out of order, across two tasks: the counter holds only the leading acknowledged events; a segment goes once all are', async () => {
    const kv = storage();
    const store = persistentStore(kv, PREFIX, () => undefined);
    store.tick();
    const [a, b, c, d, e] = events(5);
    store.add(a!), store.add(b!), store.add(c!);
    await nextTask();
    store.add(d!), store.add(e!);
    await nextTask();
    const lines = (...list: (typeof a)[]) => list.map((event) => event!.json).join('\n');
    expect(Object.values(stored(kv))).toEqual([lines(a, b, c), lines(d, e)]);
    expect(store.take(all).map((event) => event.eid)).toEqual([a, b, c, d, e].map((event) => event!.eid));

    // The second task's segment first, then the first segment's middle event: nothing leads yet.
    store.ack([e!, b!]);
    expect(Object.keys(stored(kv)).filter((key) => key.endsWith('d'))).toEqual([]);
    store.ack([d!]);
    // The second segment is fully delivered: removed whole.
    expect(Object.values(stored(kv))).toEqual([lines(a, b, c)]);
    store.ack([a!]);
    expect(stored(kv)).toEqual({ seg0: lines(a, b, c), seg0d: '2' });
    // At unload, the ids on the wire count as delivered.
    store.unload(new Set([c!.eid, 'not-ours']), true);
    expect(stored(kv)).toEqual({});
  });

  it('events acknowledged before their task ended are written with their counter; a full segment is not written at all', async () => {
    const kv = storage();
    const store = persistentStore(kv, PREFIX, () => undefined);
    store.tick();
    const [a, b, c] = events(3);
    store.add(a!), store.add(b!);
    store.ack([a!]);
    await nextTask();
    expect(stored(kv)).toEqual({ seg0: `${a!.json}\n${b!.json}`, seg0d: '1' });
    store.add(c!);
    store.ack([c!]);
    await nextTask();
    expect(Object.keys(stored(kv))).toEqual(['seg0', 'seg0d']);
  });

  it('a tab that looked gone (another tab took its stored queue) drops what was taken and keeps what was not written yet', async () => {
    const kv = storage();
    const store = persistentStore(kv, PREFIX, () => undefined);
    store.tick();
    const [a, b, c, d] = events(4);
    store.add(a!), store.add(b!);
    await nextTask();
    // Another tab claimed this one's queue: it wrote its mark on the lease and took the segment.
    const lease = kv.keys(PREFIX).find((key) => !key.slice(PREFIX.length).includes('.'))!;
    kv.set(lease, `${Date.now() + 1000}cother`);
    for (const key of Object.keys(Object.fromEntries(kv.map))) if (key.startsWith(`${lease}.`)) kv.del(key);
    // Tracked in this task, not written yet: only this tab has them.
    store.add(c!), store.add(d!);
    store.tick();
    expect(store.take(all).map((event) => event.eid)).toEqual([c!.eid, d!.eid]);
  });
});
