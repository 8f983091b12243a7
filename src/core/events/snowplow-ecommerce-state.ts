// The state of Snowplow's ecommerce plugin: the page's type and the shop's user, set once
// and attached as the `page` and `user` entities to every later event of the tracker
// (page views and pings too, as Snowplow's plugin does). Setting one again replaces it.
import type { BaseTracker } from '../tracker.js';
import type { SelfDescribingJson } from '../types.js';
import { requireArgs } from './field-rules.js';
import { entity, PAGE, USER, type EcommercePage, type EcommerceUser } from './snowplow-ecommerce-entities.js';

/** Each tracker's entities, by name; the tracker's plugin reads them at every event. */
const STATE = /* @__PURE__ */ new WeakMap<BaseTracker, Record<string, SelfDescribingJson>>();

function set(tracker: BaseTracker, name: string, entry: SelfDescribingJson): void {
  let state = STATE.get(tracker);
  if (!state) {
    const entities: Record<string, SelfDescribingJson> = (state = {});
    STATE.set(tracker, state);
    tracker.addPlugin({ contexts: () => Object.values(entities) });
  }
  state[name] = entry;
}

/** Attaches the `page` entity (`{ type, language?, locale? }`) to every later event of `tracker`. */
export const setPageType = (tracker: BaseTracker, page: EcommercePage): void => set(tracker, 'page', entity('page', requireArgs(page, 'setPageType'), PAGE));

/** Attaches the `user` entity (`{ id, is_guest?, email? }`) to every later event of `tracker`. */
export const setEcommerceUser = (tracker: BaseTracker, user: EcommerceUser): void => set(tracker, 'user', entity('user', requireArgs(user, 'setEcommerceUser'), USER));
