// Iglu URIs of the events that only add-ons and the full Tracker send: kept apart from
// schemas.ts so that the core script tag, which carries that module, never carries these.
export const SCREEN_VIEW_SCHEMA = 'iglu:com.snowplowanalytics.mobile/screen_view/jsonschema/1-0-0';
export const LINK_CLICK_SCHEMA = 'iglu:com.snowplowanalytics.snowplow/link_click/jsonschema/1-0-1';
export const ADD_TO_CART_SCHEMA = 'iglu:com.snowplowanalytics.snowplow/add_to_cart/jsonschema/1-0-0';
export const REMOVE_FROM_CART_SCHEMA = 'iglu:com.snowplowanalytics.snowplow/remove_from_cart/jsonschema/1-0-0';
export const CHANGE_FORM_SCHEMA = 'iglu:com.snowplowanalytics.snowplow/change_form/jsonschema/1-0-0';
export const FOCUS_FORM_SCHEMA = 'iglu:com.snowplowanalytics.snowplow/focus_form/jsonschema/1-0-0';
export const SUBMIT_FORM_SCHEMA = 'iglu:com.snowplowanalytics.snowplow/submit_form/jsonschema/1-0-0';
export const SITE_SEARCH_SCHEMA = 'iglu:com.snowplowanalytics.snowplow/site_search/jsonschema/1-0-0';
