import { describe, expect, it } from 'vitest';
import { MemoryEventStore } from '../../src/emitter/memory-store.js';
import { makeEvents } from './helpers/events.js';

describe('MemoryEventStore', () => {
  it('takes the oldest events within count and byte limits, in order', () => {
    const store = new MemoryEventStore();
    const events = makeEvents(10);
    for (const e of events) store.add(e);
    const size = events[0]!.bytes + 5;
    const batch = store.take({ count: 100, bytes: size * 3 + 1, overhead: 5 });
    expect(batch).toEqual(events.slice(0, 3));
    expect(store.take({ count: 2, bytes: Infinity, overhead: 0 })).toEqual(events.slice(3, 5));
    expect(store.count).toBe(5);
    expect(store.bytes).toBe(events.slice(5).reduce((s, e) => s + e.bytes, 0));
  });

  it('returns an oversize oldest event alone', () => {
    const store = new MemoryEventStore();
    const events = makeEvents(2);
    for (const e of events) store.add(e);
    expect(store.take({ count: 10, bytes: 10, overhead: 0 })).toEqual([events[0]]);
  });

  it('release puts events back in front, in order', () => {
    const store = new MemoryEventStore();
    const events = makeEvents(6);
    for (const e of events) store.add(e);
    const taken = store.take({ count: 3, bytes: Infinity, overhead: 0 });
    store.release(taken);
    expect(store.take({ count: 10, bytes: Infinity, overhead: 0 })).toEqual(events);
    expect(store.count).toBe(0);
    expect(store.bytes).toBe(0);
  });

  it('stays correct across compactions of a long queue', () => {
    const store = new MemoryEventStore();
    const events = makeEvents(20_000);
    let next = 0;
    const out: string[] = [];
    for (const e of events) {
      store.add(e);
      if (store.count > 5_000) out.push(...store.take({ count: 7, bytes: Infinity, overhead: 0 }).map((x) => x.eid));
    }
    while (store.count > 0) out.push(...store.take({ count: 1000, bytes: Infinity, overhead: 0 }).map((x) => x.eid));
    for (const e of events) expect(out[next++]).toBe(e.eid);
    expect(store.bytes).toBe(0);
  });
});
