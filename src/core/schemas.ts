/** Iglu URIs of the schemas the tracker itself sends. */
export const SCHEMAS = {
  payloadData: 'iglu:com.snowplowanalytics.snowplow/payload_data/jsonschema/1-0-4',
  unstructEvent: 'iglu:com.snowplowanalytics.snowplow/unstruct_event/jsonschema/1-0-0',
  contexts: 'iglu:com.snowplowanalytics.snowplow/contexts/jsonschema/1-0-0',
  screenView: 'iglu:com.snowplowanalytics.mobile/screen_view/jsonschema/1-0-0',
  linkClick: 'iglu:com.snowplowanalytics.snowplow/link_click/jsonschema/1-0-1',
  addToCart: 'iglu:com.snowplowanalytics.snowplow/add_to_cart/jsonschema/1-0-0',
  removeFromCart: 'iglu:com.snowplowanalytics.snowplow/remove_from_cart/jsonschema/1-0-0',
  changeForm: 'iglu:com.snowplowanalytics.snowplow/change_form/jsonschema/1-0-0',
  submitForm: 'iglu:com.snowplowanalytics.snowplow/submit_form/jsonschema/1-0-0',
  siteSearch: 'iglu:com.snowplowanalytics.snowplow/site_search/jsonschema/1-0-0',
  webPage: 'iglu:com.snowplowanalytics.snowplow/web_page/jsonschema/1-0-0',
  clientSession: 'iglu:com.snowplowanalytics.snowplow/client_session/jsonschema/1-0-2',
} as const;

/** Tracker name and version, sent as `tv`. */
export const TRACKER_VERSION = 'isotrack-__ISOTRACK_VERSION__';
