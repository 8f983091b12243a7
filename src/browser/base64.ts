// The browser builds swap this in for src/core/base64.ts (see rollup.config.mjs):
// every browser has btoa, so js-base64 would only add weight.

import { toUrlAlphabet } from '../core/base64-alphabet.js';
import { isAscii } from '../core/utf8.js';

/** URL-safe base64 of the UTF-8 bytes of `text`, without padding. */
export function base64UrlEncode(text: string): string {
  // encodeURIComponent yields UTF-8 as %XX escapes; unescape turns each into one
  // byte-sized char, the binary string btoa expects. Native, and fast.
  const binary = isAscii(text) ? text : unescape(encodeURIComponent(text));
  return toUrlAlphabet(btoa(binary));
}
