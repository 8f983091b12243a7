/** UUIDs drawn per refill of the random pool: one `getRandomValues` call serves this many. */
const IDS_PER_REFILL = 256;

let pool = new Uint8Array(0);
let at = 0;
let hex: string[] | undefined;

/**
 * A random (version 4) UUID. Every event needs one, so the random bytes come from a
 * pool refilled once per 256 ids: in a browser each `crypto.randomUUID()` call is a
 * trip into the engine that costs more than the rest of the id (and exists only in
 * secure contexts anyway). Without `crypto` at all, `Math.random` fills the pool.
 */
export function uuidv4(): string {
  if (at >= pool.length) {
    pool = new Uint8Array(16 * IDS_PER_REFILL);
    const c = globalThis.crypto;
    if (c?.getRandomValues) c.getRandomValues(pool);
    else for (let i = 0; i < pool.length; i++) pool[i] = Math.random() * 256;
    at = 0;
    hex ??= Array.from({ length: 256 }, (_, byte) => (byte + 256).toString(16).slice(1));
  }
  const b = pool;
  const h = hex!;
  const i = at;
  at += 16;
  // In one expression, as the bytes' hex pairs (no loop, no branch per byte): every event
  // makes one. Byte 6 carries the version (4), byte 8 the RFC 4122 variant.
  return (
    h[b[i]!]! + h[b[i + 1]!] + h[b[i + 2]!] + h[b[i + 3]!] + '-' + h[b[i + 4]!] + h[b[i + 5]!] + '-' + h[(b[i + 6]! & 0x0f) | 0x40] + h[b[i + 7]!] + '-' +
    h[(b[i + 8]! & 0x3f) | 0x80] + h[b[i + 9]!] + '-' + h[b[i + 10]!] + h[b[i + 11]!] + h[b[i + 12]!] + h[b[i + 13]!] + h[b[i + 14]!] + h[b[i + 15]!]
  );
}
