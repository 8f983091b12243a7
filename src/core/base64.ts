// Every browser, worker, Deno, Bun and edge runtime has btoa, so the browser and
// neutral builds encode natively: js-base64 would only add weight, and its bare import
// would stop the neutral build from loading unbundled (a module worker, Deno by URL).
// The Node build swaps in src/node/base64.ts (Buffer, then js-base64; see
// rollup.config.mjs). The tracker only encodes JSON.stringify output, which is always
// well-formed UTF-16, so encodeURIComponent cannot meet a lone surrogate here.

import { toUrlAlphabet } from './base64-alphabet.js';
import { isAscii } from './utf8.js';

/** URL-safe base64 of the UTF-8 bytes of `text`, without padding. */
export function base64UrlEncode(text: string): string {
  // encodeURIComponent yields UTF-8 as %XX escapes; unescape turns each into one
  // byte-sized char, the binary string btoa expects. Native, and fast.
  const binary = isAscii(text) ? text : unescape(encodeURIComponent(text));
  return toUrlAlphabet(btoa(binary));
}

/** UTF-8 length of a payload's JSON, in bytes (the Node build counts with Buffer instead). */
export { utf8ByteLength as payloadBytes } from './utf8.js';
