// The script tag's trackAddToCart / trackRemoveFromCart when both ecommerce add-ons are
// loaded, in either order: an argument with a `sku` is the older add-on's event, any
// other Snowplow ecommerce's. (The browser spec loads them by URL in one order.)
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Tracker } from '../../src/core/index.js';
import { CollectingSink } from '../helpers/collecting-sink.js';

type Command = (tracker: Tracker, event: unknown) => unknown;

async function loaded(order: string[]): Promise<Record<string, Command>> {
  for (const name of order) await import(`../../src/plugins/${name}.ts`);
  return (await import('../../src/plugins/registry.js')).addOnCommands as unknown as Record<string, Command>;
}

/** The schema of each event the tracker queued. */
const schemas = (sink: CollectingSink) => sink.payloads().map((payload) => (JSON.parse(payload.ue_pr!) as { data: { schema: string } }).data.schema.split('/')[1]);

describe('two add-ons with trackAddToCart and trackRemoveFromCart', () => {
  beforeEach(() => {
    vi.resetModules();
  });

  for (const order of [
    ['ecommerce', 'snowplow-ecommerce'],
    ['snowplow-ecommerce', 'ecommerce'],
  ]) {
    it(`loaded ${order.join(' then ')}: a sku argument goes to the older events, any other to snowplow_ecommerce_action`, async () => {
      const commands = await loaded(order);
      const sink = new CollectingSink();
      const tracker = new Tracker(sink, { encodeBase64: false });
      commands.trackAddToCart!(tracker, { sku: 'old', quantity: 1 });
      commands.trackAddToCart!(tracker, { total_value: 10, currency: 'EUR' });
      commands.trackRemoveFromCart!(tracker, { sku: 'old', quantity: 1 });
      commands.trackRemoveFromCart!(tracker, { total_value: 0, currency: 'EUR' });
      expect(schemas(sink)).toEqual(['add_to_cart', 'snowplow_ecommerce_action', 'remove_from_cart', 'snowplow_ecommerce_action']);
      // A mistake in the new shape is named as such, not as a missing sku.
      expect(() => commands.trackAddToCart!(tracker, { currency: 'EUR' })).toThrow(/total_value is required/);
    });
  }

  it('alone, a sku argument is refused as a cart without total_value', async () => {
    const commands = await loaded(['snowplow-ecommerce']);
    expect(() => commands.trackAddToCart!(new Tracker(new CollectingSink()), { sku: 'old', quantity: 1 })).toThrow(/total_value is required/);
  });
});
