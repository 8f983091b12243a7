import { encodeURI as encodeBase64Url } from 'js-base64';

/**
 * URL-safe base64 of the UTF-8 bytes of `text`, without padding: the form the
 * Snowplow trackers send in `ue_px` and `cx`.
 */
export function base64UrlEncode(text: string): string {
  return encodeBase64Url(text);
}
