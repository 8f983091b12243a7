import { describe, expect, it } from 'vitest';
import { MemoryEventStore } from '../../src/emitter/memory-store.js';
import { PackedMemoryEventStore } from '../../src/emitter/packed-memory-store.js';
import { makeEvents } from './helpers/events.js';
import { Emitter as NodeEmitter } from '../../src/node/emitter.js';

// The browser's default store, and the Node entry's, which keeps less per event.
describe.each([MemoryEventStore, PackedMemoryEventStore])('%o', (Store) => {
  it('takes the oldest events within count and byte limits, in order', () => {
    const store = new Store();
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
    const store = new Store();
    const events = makeEvents(2);
    for (const e of events) store.add(e);
    expect(store.take({ count: 10, bytes: 10, overhead: 0 })).toEqual([events[0]]);
  });

  it('release puts events back in front, in order', () => {
    const store = new Store();
    const events = makeEvents(6);
    for (const e of events) store.add(e);
    const taken = store.take({ count: 3, bytes: Infinity, overhead: 0 });
    store.release(taken);
    expect(store.take({ count: 10, bytes: Infinity, overhead: 0 })).toEqual(events);
    expect(store.count).toBe(0);
    expect(store.bytes).toBe(0);
  });

  it('stays correct across compactions of a long queue', () => {
    const store = new Store();
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

  it('gives back every event as added, whether or not its text holds its id where the store reads it', () => {
    const store = new Store();
    const tracked = makeEvents(2);
    const odd = [
      // No "eid" key in the text at all.
      { eid: 'a1', json: '{"e":"pv"}', bytes: 10 },
      // The text's id differs from the event's.
      { eid: 'b2', json: '{"eid":"zz","e":"pv"}', bytes: 21 },
      // An id with a quote, whose text escapes it.
      { eid: 'c"3', json: JSON.stringify({ eid: 'c"3' }), bytes: 14 },
      // An empty id, and the key seen first inside another field's value.
      { eid: '', json: '{"eid":"","e":"pv"}', bytes: 19 },
      { eid: 'd4', json: '{"x":"\\"eid\\":\\"d4\\"","eid":"d4"}', bytes: 33 },
    ];
    const all = [tracked[0]!, ...odd, tracked[1]!];
    for (const e of all) store.add(e);
    expect(store.bytes).toBe(all.reduce((s, e) => s + e.bytes, 0));
    const first = store.take({ count: 3, bytes: Infinity, overhead: 0 });
    expect(first).toEqual(all.slice(0, 3));
    store.release(first);
    expect(store.take({ count: 100, bytes: Infinity, overhead: 0 })).toEqual(all);
    expect(store.bytes).toBe(0);
  });
});

describe('the Node entry', () => {
  it('queues in the store it is given rather than its default', () => {
    const given = new MemoryEventStore();
    const emitter = new NodeEmitter('http://127.0.0.1:9', { store: given, flushInterval: 60_000, bufferSize: 1_000 });
    emitter.input(makeEvents(1)[0]!);
    expect(given.count).toBe(1);
    void emitter.close({ timeout: 0 });
  });
});
