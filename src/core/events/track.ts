// The event types beyond the lean tracker's own, as plain functions of a tracker
// (`trackLinkClick(tracker, event)`): a bundle carries the builder and rule table of
// only the ones it imports. `Tracker` has each as a method of the same name, and the
// script tag's add-ons register them as commands.
import type { BaseTracker } from '../tracker.js';
import type { CommonEventProperties } from '../types.js';
import { buildEcommerceTransaction, type EcommerceTransactionEvent } from './ecommerce.js';
import { buildScreenView, type ScreenViewEvent } from './screen-view.js';
import {
  buildAddToCart,
  buildFormChange,
  buildFormSubmit,
  buildLinkClick,
  buildRemoveFromCart,
  buildSiteSearch,
  type CartEvent,
  type FormChangeEvent,
  type FormSubmitEvent,
  type LinkClickEvent,
  type SiteSearchEvent,
} from './web-events.js';

/** Sends a `screen_view` event (a new `id` unless given); returns the event id. */
export const trackScreenView = (tracker: BaseTracker, event: ScreenViewEvent & CommonEventProperties): string => tracker.track([buildScreenView(event)], event);

/** Sends the transaction and one item event per item; returns the transaction's event id. */
export const trackEcommerceTransaction = (tracker: BaseTracker, event: EcommerceTransactionEvent & CommonEventProperties): string =>
  tracker.track(buildEcommerceTransaction(event), event);

/** Sends a `link_click` event; returns the event id. */
export const trackLinkClick = (tracker: BaseTracker, event: LinkClickEvent & CommonEventProperties): string => tracker.track([buildLinkClick(event)], event);

/** Sends an `add_to_cart` event; returns the event id. */
export const trackAddToCart = (tracker: BaseTracker, event: CartEvent & CommonEventProperties): string => tracker.track([buildAddToCart(event)], event);

/** Sends a `remove_from_cart` event; returns the event id. */
export const trackRemoveFromCart = (tracker: BaseTracker, event: CartEvent & CommonEventProperties): string => tracker.track([buildRemoveFromCart(event)], event);

/** Sends a `change_form` event; returns the event id. */
export const trackFormChange = (tracker: BaseTracker, event: FormChangeEvent & CommonEventProperties): string => tracker.track([buildFormChange(event)], event);

/** Sends a `submit_form` event; returns the event id. */
export const trackFormSubmit = (tracker: BaseTracker, event: FormSubmitEvent & CommonEventProperties): string => tracker.track([buildFormSubmit(event)], event);

/** Sends a `site_search` event; returns the event id. */
export const trackSiteSearch = (tracker: BaseTracker, event: SiteSearchEvent & CommonEventProperties): string => tracker.track([buildSiteSearch(event)], event);
