// The README's "Mistakes throw at the call" table quotes the message of each mistake.
// A user reads it to know what they will see, so each quoted message must be the one
// the call throws, word for word: this holds the table against the code.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Subject, Tracker } from '../../src/core/index.js';
import { CollectingSink } from '../helpers/collecting-sink.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const section = readme.slice(readme.indexOf('#### Mistakes throw at the call'));
const table = section.slice(0, section.indexOf('\n\n', section.indexOf('| mistake |')));
/** Every message the table quotes, in the order it quotes them. */
const quoted = [...table.matchAll(/`(isotrack: [^`]+)`/g)].map((m) => m[1]);

const tracker = () => new Tracker(new CollectingSink());
const SCHEMA = 'iglu:com.acme/event/jsonschema/1-0-0';

/** One call per quoted message, in the table's order. */
const calls: Array<() => unknown> = [
  () => tracker().trackSelfDescribingEvent({ event: { schema: 'checkout', data: {} } }),
  () => tracker().trackSelfDescribingEvent({ event: { schema: SCHEMA, data: { n: 1n } } }),
  () => tracker().trackStructEvent({ action: 'add' } as never),
  () => tracker().trackStructEvent({ category: 3, action: 'add' } as never),
  () => tracker().trackPageView({ pageUrl: 'https://a.test/', context: [[] as never] }),
  () => tracker().trackEcommerceTransaction({ orderId: 'o1', totalValue: 1, items: [{ sku: 's', price: 1, quantity: 1.5 }] }),
  () => tracker().trackPageView({ pageUrl: 'https://a.test/', trueTimestamp: 1764140000000.5 }),
  () => new Subject().setPlatform('browser' as never),
];

describe("the README's table of mistakes", () => {
  it('quotes one message per row', () => {
    expect(quoted).toHaveLength(calls.length);
  });

  calls.forEach((call, i) => {
    it(`quotes what the call throws: ${quoted[i] ?? '(missing)'}`, () => {
      expect(call).toThrow(TypeError);
      expect(call).toThrow(quoted[i]);
      // toThrow(string) matches a substring: the whole message must be the quoted one.
      try { call(); } catch (error) { expect((error as Error).message).toBe(quoted[i]); }
    });
  });
});
