import { encodeURI as encodeUtf8Base64Url } from 'js-base64';
import { toUrlAlphabet } from './base64-alphabet.js';
import { isAscii } from './utf8.js';

// Entity and event JSON is mostly ASCII: native btoa encodes it about four times
// faster than js-base64 (measured in Node 20), and btoa exists in every runtime
// we support. js-base64 handles UTF-8 text correctly without the deprecated
// `unescape`. Only the Node build keeps this file: the browser and neutral builds
// swap in src/browser/base64.ts (no import, so they load unbundled anywhere).

/**
 * URL-safe base64 of the UTF-8 bytes of `text`, without padding: the form the
 * Snowplow trackers send in `ue_px` and `cx`.
 */
export function base64UrlEncode(text: string): string {
  if (!isAscii(text) || typeof btoa !== 'function') return encodeUtf8Base64Url(text);
  return toUrlAlphabet(btoa(text));
}
