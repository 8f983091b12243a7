// The browser builds swap this in for src/core/base64.ts (see rollup.config.mjs):
// every browser has btoa and TextEncoder, so js-base64 would only add weight.

/** URL-safe base64 of the UTF-8 bytes of `text`, without padding. */
export function base64UrlEncode(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  // fromCharCode takes its bytes as arguments; chunks stay under engines' argument limits.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
