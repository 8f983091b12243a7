// Add-on `dist/plugins/snowplow-ecommerce.umd.min.js`: the commands of Snowplow's
// ecommerce plugin (`snowplow_ecommerce_action` 1-0-2 and its entities).
import type { BrowserTracker } from '../browser/tracker.js';
import { isObject } from '../core/events/field-rules.js';
import {
  trackCheckoutStep,
  trackProductListClick,
  trackProductListView,
  trackProductView,
  trackPromotionClick,
  trackPromotionView,
  trackRefund,
  trackSnowplowAddToCart,
  trackSnowplowRemoveFromCart,
  trackTransaction,
  trackTransactionError,
} from '../core/events/snowplow-ecommerce.js';
import { setEcommerceUser, setPageType } from '../core/events/snowplow-ecommerce-state.js';
import { addOnCommands } from './registry.js';
import { register } from './register.js';

type Command = (tracker: BrowserTracker, event: unknown) => unknown;

// The `ecommerce` add-on (Snowplow's older events) has commands of the same two names:
// a page may load both, in either order. The command stays this one, and passes
// arguments with a `sku` (the older events' shape) to the other's.
for (const [name, ours] of [
  ['trackAddToCart', trackSnowplowAddToCart],
  ['trackRemoveFromCart', trackSnowplowRemoveFromCart],
] as [string, Command][]) {
  let older = addOnCommands[name] as Command | undefined;
  const command: Command = (tracker, event) => (older && isObject(event) && 'sku' in event ? older : ours)(tracker, event);
  Object.defineProperty(addOnCommands, name, { enumerable: true, configurable: true, get: () => command, set: (loaded: Command) => (older = loaded) });
}

register({
  trackProductView,
  trackProductListView,
  trackProductListClick,
  trackPromotionView,
  trackPromotionClick,
  trackCheckoutStep,
  trackTransaction,
  trackRefund,
  trackTransactionError,
  setPageType,
  setEcommerceUser,
});
