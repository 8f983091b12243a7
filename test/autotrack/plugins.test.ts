// The plugin API of the core tracker: activation, contexts, beforeTrack, filter (counted
// in stats().filtered), afterTrack, and plugins that throw.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Tracker, type TrackedEvent, type TrackerPlugin } from '../../src/core/index.js';
import { CollectingSink } from '../helpers/collecting-sink.js';

const user = { schema: 'iglu:com.acme/user/jsonschema/1-0-0', data: { tier: 'gold' } };

afterEach(() => vi.restoreAllMocks());

describe('plugins', () => {
  it('activates each plugin once with the tracker, from the options and from addPlugin', () => {
    const activated: unknown[] = [];
    const plugin: TrackerPlugin = { activate: (t) => activated.push(['activate', t]), activateBrowserPlugin: (t) => activated.push(['browser', t]) };
    const tracker = new Tracker(new CollectingSink(), { plugins: [plugin] });
    expect(activated).toEqual([['activate', tracker], ['browser', tracker]]);
    tracker.addPlugin({ activate: (t) => activated.push(['later', t]) });
    expect(activated).toHaveLength(3);
  });

  it('adds the entities of contexts(), runs beforeTrack then filter then afterTrack, and keeps the old beforeTrack({ e, payload, contexts }) working', () => {
    const sink = new CollectingSink();
    const calls: string[] = [];
    const tracker = new Tracker(sink, {
      encodeBase64: false,
      plugins: [
        {
          contexts: () => [user],
          beforeTrack({ e, payload, contexts }) {
            calls.push(`before ${e} ${contexts.length}`);
            payload.aid ||= 'from-plugin';
          },
          filter: (event) => (calls.push(`filter ${event.payload.co ? 'encoded' : 'raw'}`), true),
          afterTrack: (event) => void calls.push(`after ${event.payload.eid === sink.last().eid}`),
        },
      ],
    });
    tracker.trackStructEvent({ category: 'c', action: 'a' });
    expect(calls).toEqual(['before se 1', 'filter encoded', 'after true']);
    expect(sink.last().aid).toBe('from-plugin');
    expect(JSON.parse(sink.last().co!).data).toEqual([user]);
  });

  it('drops the events a filter refuses before they are queued, and counts them in stats().filtered', () => {
    const sink = new CollectingSink();
    const after: TrackedEvent[] = [];
    const tracker = new Tracker(sink, {
      plugins: [{ filter: ({ e, schema }) => e !== 'pp' && !schema.includes('/secret/'), afterTrack: (event) => void after.push(event) }],
    });
    const dropped = tracker.trackPagePing({ pageUrl: 'https://a.test/', minX: 0, maxX: 0, minY: 0, maxY: 0 });
    tracker.trackSelfDescribingEvent({ event: { schema: 'iglu:com.acme/secret/jsonschema/1-0-0', data: {} } });
    tracker.trackStructEvent({ category: 'c', action: 'a' });
    expect(typeof dropped).toBe('string');
    expect(sink.payloads().map((p) => p.e)).toEqual(['se']);
    expect(after.map((event) => event.e)).toEqual(['se']);
    expect(tracker.stats()).toEqual({ filtered: 2 });
  });

  it('filters each event of a transaction on its own', () => {
    const sink = new CollectingSink();
    const tracker = new Tracker(sink, { plugins: [{ filter: ({ e }) => e !== 'ti' }] });
    tracker.trackEcommerceTransaction({ orderId: 'o', totalValue: 3, items: [{ sku: 'a', price: 1, quantity: 1 }, { sku: 'b', price: 2, quantity: 1 }] });
    expect(sink.payloads().map((p) => p.e)).toEqual(['tr']);
    expect(tracker.stats().filtered).toBe(2);
  });

  it('a plugin hook that throws is skipped with a warning; the event is still sent', () => {
    const sink = new CollectingSink();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const boom = () => {
      throw new Error('plugin bug');
    };
    const tracker = new Tracker(sink, {
      encodeBase64: false,
      plugins: [{ activate: boom, contexts: boom, beforeTrack: boom, filter: boom, afterTrack: boom }, { contexts: () => [user, { schema: 'bad' } as never] }],
    });
    tracker.trackStructEvent({ category: 'c', action: 'a' });
    expect(sink.events).toHaveLength(1);
    expect(JSON.parse(sink.last().co!).data).toEqual([user]);
    expect(tracker.stats().filtered).toBe(0);
    expect(warn).toHaveBeenCalledTimes(6);
  });
});
