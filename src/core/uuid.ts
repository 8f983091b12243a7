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
  let id = '';
  for (let j = 0; j < 16; j++) {
    const byte = pool[at++]!;
    // Byte 6 carries the version (4), byte 8 the RFC 4122 variant.
    id += (j == 4 || j == 6 || j == 8 || j == 10 ? '-' : '') + hex![j == 6 ? (byte & 0x0f) | 0x40 : j == 8 ? (byte & 0x3f) | 0x80 : byte];
  }
  return id;
}
