// Iglu URIs of the schemas the core sends, one constant each, so that a build keeps only
// the ones its code sends; the add-ons' own are in add-on-schemas.ts (the link-click
// add-on carries link_click's, the core tag does not). `SCHEMAS` gathers them all for
// the npm API; nothing in the core tag reads it.
import {
  ADD_TO_CART_SCHEMA,
  CHANGE_FORM_SCHEMA,
  LINK_CLICK_SCHEMA,
  REMOVE_FROM_CART_SCHEMA,
  SCREEN_VIEW_SCHEMA,
  SITE_SEARCH_SCHEMA,
  SUBMIT_FORM_SCHEMA,
} from './add-on-schemas.js';

export const PAYLOAD_DATA_SCHEMA = 'iglu:com.snowplowanalytics.snowplow/payload_data/jsonschema/1-0-4';
export const UNSTRUCT_EVENT_SCHEMA = 'iglu:com.snowplowanalytics.snowplow/unstruct_event/jsonschema/1-0-0';
export const CONTEXTS_SCHEMA = 'iglu:com.snowplowanalytics.snowplow/contexts/jsonschema/1-0-0';
export const WEB_PAGE_SCHEMA = 'iglu:com.snowplowanalytics.snowplow/web_page/jsonschema/1-0-0';
export const CLIENT_SESSION_SCHEMA = 'iglu:com.snowplowanalytics.snowplow/client_session/jsonschema/1-0-2';

/** Iglu URIs of the schemas the tracker itself sends. */
export const SCHEMAS = {
  payloadData: PAYLOAD_DATA_SCHEMA,
  unstructEvent: UNSTRUCT_EVENT_SCHEMA,
  contexts: CONTEXTS_SCHEMA,
  screenView: SCREEN_VIEW_SCHEMA,
  linkClick: LINK_CLICK_SCHEMA,
  addToCart: ADD_TO_CART_SCHEMA,
  removeFromCart: REMOVE_FROM_CART_SCHEMA,
  changeForm: CHANGE_FORM_SCHEMA,
  submitForm: SUBMIT_FORM_SCHEMA,
  siteSearch: SITE_SEARCH_SCHEMA,
  webPage: WEB_PAGE_SCHEMA,
  clientSession: CLIENT_SESSION_SCHEMA,
} as const;

/** Tracker name and version, sent as `tv`. */
export const TRACKER_VERSION = 'isotrack-__ISOTRACK_VERSION__';
