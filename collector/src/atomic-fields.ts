/**
 * The canonical atomic event's fields, in the order of Snowplow's schema
 * iglu:com.snowplowanalytics.snowplow/atomic/jsonschema/1-0-0 (iglu-central), and which
 * tracker-protocol parameter fills each (tracker protocol reference, "Enrich mapping").
 */

export const ATOMIC_FIELDS: readonly string[] = (
  'app_id platform etl_tstamp collector_tstamp dvce_created_tstamp event event_id txn_id name_tracker ' +
  'v_tracker v_collector v_etl user_id user_ipaddress user_fingerprint domain_userid domain_sessionidx ' +
  'network_userid geo_country geo_region geo_city geo_zipcode geo_latitude geo_longitude geo_region_name ' +
  'ip_isp ip_organization ip_domain ip_netspeed page_url page_title page_referrer page_urlscheme ' +
  'page_urlhost page_urlport page_urlpath page_urlquery page_urlfragment refr_urlscheme refr_urlhost ' +
  'refr_urlport refr_urlpath refr_urlquery refr_urlfragment refr_medium refr_source refr_term mkt_medium ' +
  'mkt_source mkt_term mkt_content mkt_campaign se_category se_action se_label se_property se_value ' +
  'tr_orderid tr_affiliation tr_total tr_tax tr_shipping tr_city tr_state tr_country ti_orderid ti_sku ' +
  'ti_name ti_category ti_price ti_quantity pp_xoffset_min pp_xoffset_max pp_yoffset_min pp_yoffset_max ' +
  'useragent br_name br_family br_version br_type br_renderengine br_lang br_features_pdf ' +
  'br_features_flash br_features_java br_features_director br_features_quicktime br_features_realplayer ' +
  'br_features_windowsmedia br_features_gears br_features_silverlight br_cookies br_colordepth ' +
  'br_viewwidth br_viewheight os_name os_family os_manufacturer os_timezone dvce_type dvce_ismobile ' +
  'dvce_screenwidth dvce_screenheight doc_charset doc_width doc_height tr_currency tr_total_base ' +
  'tr_tax_base tr_shipping_base ti_currency ti_price_base base_currency geo_timezone mkt_clickid ' +
  'mkt_network etl_tags dvce_sent_tstamp refr_domain_userid refr_dvce_tstamp domain_sessionid ' +
  'derived_tstamp event_vendor event_name event_format event_version event_fingerprint true_tstamp'
).split(' ');

/** Parameters copied as text: [parameter, atomic field]. */
export const TEXT_FIELDS: readonly (readonly [string, string])[] = [
  ['aid', 'app_id'],
  ['p', 'platform'],
  ['eid', 'event_id'],
  ['tna', 'name_tracker'],
  ['tv', 'v_tracker'],
  ['uid', 'user_id'],
  ['fp', 'user_fingerprint'],
  ['duid', 'domain_userid'],
  ['sid', 'domain_sessionid'],
  ['url', 'page_url'],
  ['page', 'page_title'],
  ['refr', 'page_referrer'],
  ['se_ca', 'se_category'],
  ['se_ac', 'se_action'],
  ['se_la', 'se_label'],
  ['se_pr', 'se_property'],
  ['tr_id', 'tr_orderid'],
  ['tr_af', 'tr_affiliation'],
  ['tr_ci', 'tr_city'],
  ['tr_st', 'tr_state'],
  ['tr_co', 'tr_country'],
  ['tr_cu', 'tr_currency'],
  ['ti_id', 'ti_orderid'],
  ['ti_sk', 'ti_sku'],
  ['ti_na', 'ti_name'],
  ['ti_nm', 'ti_name'],
  ['ti_ca', 'ti_category'],
  ['ti_cu', 'ti_currency'],
  ['lang', 'br_lang'],
  ['cd', 'br_colordepth'],
  ['tz', 'os_timezone'],
  ['cs', 'doc_charset'],
];

/** Parameters converted to numbers (integers and decimals alike). */
export const NUMBER_FIELDS: readonly (readonly [string, string])[] = [
  ['tid', 'txn_id'],
  ['vid', 'domain_sessionidx'],
  ['se_va', 'se_value'],
  ['tr_tt', 'tr_total'],
  ['tr_tx', 'tr_tax'],
  ['tr_sh', 'tr_shipping'],
  ['ti_pr', 'ti_price'],
  ['ti_qu', 'ti_quantity'],
  ['pp_mix', 'pp_xoffset_min'],
  ['pp_max', 'pp_xoffset_max'],
  ['pp_miy', 'pp_yoffset_min'],
  ['pp_may', 'pp_yoffset_max'],
];

/** `"1"`/`"0"` flags that become booleans. */
export const BOOLEAN_FIELDS: readonly (readonly [string, string])[] = [
  ['f_pdf', 'br_features_pdf'],
  ['f_fla', 'br_features_flash'],
  ['f_java', 'br_features_java'],
  ['f_dir', 'br_features_director'],
  ['f_qt', 'br_features_quicktime'],
  ['f_realp', 'br_features_realplayer'],
  ['f_wma', 'br_features_windowsmedia'],
  ['f_gears', 'br_features_gears'],
  ['f_ag', 'br_features_silverlight'],
  ['cookie', 'br_cookies'],
];

/** `<width>x<height>` parameters: [parameter, width field, height field]. */
export const DIMENSION_FIELDS: readonly (readonly [string, string, string])[] = [
  ['res', 'dvce_screenwidth', 'dvce_screenheight'],
  ['vp', 'br_viewwidth', 'br_viewheight'],
  ['ds', 'doc_width', 'doc_height'],
];
