// Global contexts in the core: entities, generators, rulesets and filters, as Snowplow's
// addGlobalContexts attaches them, and what happens to generators that misbehave.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Tracker } from '../../src/core/index.js';
import { addGlobalContexts, clearGlobalContexts, removeGlobalContexts, type ContextEvent, type GlobalContext } from '../../src/core/global-contexts.js';
import { CollectingSink } from '../helpers/collecting-sink.js';

const user = { schema: 'iglu:com.acme/user/jsonschema/1-0-0', data: { tier: 'gold' } };
const shop = { schema: 'iglu:com.acme/shop/jsonschema/1-0-0', data: { id: 's1' } };
const event = (schema: string) => ({ event: { schema, data: {} } });

function setup() {
  const sink = new CollectingSink();
  const tracker = new Tracker(sink, { encodeBase64: false });
  const schemasOfLast = () => {
    const co = sink.last().co;
    return co ? (JSON.parse(co) as { data: { schema: string }[] }).data.map((e) => e.schema) : [];
  };
  return { sink, tracker, schemasOfLast };
}

afterEach(() => vi.restoreAllMocks());

describe('addGlobalContexts', () => {
  it('attaches an entity to every event after the user’s own entities', () => {
    const { tracker, schemasOfLast } = setup();
    addGlobalContexts(tracker, [user]);
    tracker.trackPageView({ pageUrl: 'https://a.test/', context: [shop] });
    expect(schemasOfLast()).toEqual([shop.schema, user.schema]);
    tracker.trackStructEvent({ category: 'c', action: 'a' });
    expect(schemasOfLast()).toEqual([user.schema]);
  });

  it('calls a generator per event with the event type, schema and fields', () => {
    const { tracker, schemasOfLast } = setup();
    const seen: ContextEvent[] = [];
    addGlobalContexts(tracker, [(e: ContextEvent) => (seen.push({ ...e, event: { ...e.event } }), [user, shop])]);
    tracker.trackStructEvent({ category: 'c', action: 'a' });
    tracker.trackSelfDescribingEvent(event('iglu:com.acme/buy/jsonschema/1-0-0'));
    expect(seen.map((e) => [e.eventType, e.eventSchema])).toEqual([['se', ''], ['ue', 'iglu:com.acme/buy/jsonschema/1-0-0']]);
    expect(seen[0]!.event.se_ca).toBe('c');
    expect(schemasOfLast()).toEqual([user.schema, shop.schema]);
  });

  it('skips a generator that throws or returns something that is not an entity, with a warning, and still sends the event', () => {
    const { sink, tracker, schemasOfLast } = setup();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    addGlobalContexts(tracker, [
      () => {
        throw new Error('generator bug');
      },
      () => ({ nope: true }) as never,
      () => [user, { schema: 'not-a-uri', data: {} }],
      () => undefined,
      () => shop,
    ]);
    tracker.trackStructEvent({ category: 'c', action: 'a' });
    expect(sink.events).toHaveLength(1);
    expect(schemasOfLast()).toEqual([shop.schema]);
    expect(warn).toHaveBeenCalledTimes(3);
  });

  it('applies a ruleset only to the self-describing events it accepts and does not reject', () => {
    const { tracker, schemasOfLast } = setup();
    addGlobalContexts(tracker, [[{ accept: ['iglu:com.acme.*/*/jsonschema/1-*-*'], reject: 'iglu:com.acme.web/secret/jsonschema/*-*-*' }, user]]);
    const attached = (schema: string) => (tracker.trackSelfDescribingEvent(event(schema)), schemasOfLast().includes(user.schema));
    expect(attached('iglu:com.acme.web/buy/jsonschema/1-0-0')).toBe(true);
    expect(attached('iglu:com.acme.app/view/jsonschema/1-2-3')).toBe(true);
    expect(attached('iglu:com.acme.web/secret/jsonschema/1-0-0')).toBe(false); // rejected
    expect(attached('iglu:com.acme.web/buy/jsonschema/2-0-0')).toBe(false); // major version
    expect(attached('iglu:com.acme/buy/jsonschema/1-0-0')).toBe(false); // fewer vendor parts
    expect(attached('iglu:com.acme.web.eu/buy/jsonschema/1-0-0')).toBe(false); // more vendor parts
    expect(attached('iglu:org.other/buy/jsonschema/1-0-0')).toBe(false);
    tracker.trackStructEvent({ category: 'c', action: 'a' }); // no schema: rules never match
    expect(schemasOfLast()).toEqual([]);
  });

  it('follows Snowplow where a ruleset has only reject rules: it matches nothing', () => {
    const { tracker, schemasOfLast } = setup();
    addGlobalContexts(tracker, [[{ reject: ['iglu:com.acme/secret/jsonschema/1-0-0'] }, user]]);
    tracker.trackSelfDescribingEvent(event('iglu:com.acme/other/jsonschema/1-0-0'));
    expect(schemasOfLast()).toEqual([]);
  });

  it('applies a filter provider to the events its function selects, and skips one whose filter throws', () => {
    const { sink, tracker, schemasOfLast } = setup();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    addGlobalContexts(tracker, [
      [(e: ContextEvent) => e.eventType === 'pv', [user, () => shop]],
      [
        () => {
          throw new Error('filter bug');
        },
        user,
      ],
    ]);
    tracker.trackPageView({ pageUrl: 'https://a.test/' });
    expect(schemasOfLast()).toEqual([user.schema, shop.schema]);
    tracker.trackStructEvent({ category: 'c', action: 'a' });
    expect(schemasOfLast()).toEqual([]);
    expect(sink.events).toHaveLength(2);
  });

  it('throws a TypeError naming a malformed item, and adds nothing from that call', () => {
    const { tracker, schemasOfLast } = setup();
    const bad: unknown[] = [
      { schema: 'nope', data: {} },
      [{ accept: ['iglu:*.acme/x/jsonschema/1-0-0'] }, user], // glob in the first vendor part
      [{ accept: ['iglu:com.*.acme/x/jsonschema/1-0-0'] }, user], // literal after a glob
      [{ accept: 'iglu:com.acme/x/jsonschema/1-0' }, user],
      [{}, user],
      [{ accept: 'iglu:com.acme/x/jsonschema/1-0-0' }, 'user'],
      42,
    ];
    for (const item of bad) expect(() => addGlobalContexts(tracker, [user, item as GlobalContext])).toThrow(/contexts\[1\]/);
    expect(() => addGlobalContexts(tracker, null as never)).toThrow(TypeError);
    tracker.trackStructEvent({ category: 'c', action: 'a' });
    expect(schemasOfLast()).toEqual([]);
  });
});

describe('removeGlobalContexts and clearGlobalContexts', () => {
  it('removes by equal item (same function, same JSON) and by name', () => {
    const { tracker, schemasOfLast } = setup();
    const generator = () => shop;
    const ruleset = { accept: 'iglu:com.acme/*/jsonschema/1-*-*' };
    addGlobalContexts(tracker, [user, generator, [ruleset, user]]);
    addGlobalContexts(tracker, { named: shop });
    removeGlobalContexts(tracker, [{ ...user, data: { tier: 'gold' } }, [{ accept: 'iglu:com.acme/*/jsonschema/1-*-*' }, user]]);
    tracker.trackSelfDescribingEvent(event('iglu:com.acme/e/jsonschema/1-0-0'));
    expect(schemasOfLast()).toEqual([shop.schema, shop.schema]);
    removeGlobalContexts(tracker, [() => shop]); // another function: not removed
    removeGlobalContexts(tracker, ['named']);
    tracker.trackSelfDescribingEvent(event('iglu:com.acme/e/jsonschema/1-0-0'));
    expect(schemasOfLast()).toEqual([shop.schema]);
    clearGlobalContexts(tracker);
    tracker.trackSelfDescribingEvent(event('iglu:com.acme/e/jsonschema/1-0-0'));
    expect(schemasOfLast()).toEqual([]);
  });

  it('a name added again replaces its item', () => {
    const { tracker, schemasOfLast } = setup();
    addGlobalContexts(tracker, { who: user });
    addGlobalContexts(tracker, { who: shop });
    tracker.trackStructEvent({ category: 'c', action: 'a' });
    expect(schemasOfLast()).toEqual([shop.schema]);
  });

  it('keeps trackers apart', () => {
    const a = setup();
    const b = setup();
    addGlobalContexts(a.tracker, [user]);
    b.tracker.trackStructEvent({ category: 'c', action: 'a' });
    expect(b.schemasOfLast()).toEqual([]);
  });
});
