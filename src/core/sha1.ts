const rotate = (x: number, n: number): number => (x << n) | (x >>> (32 - n));

/**
 * SHA-1 of the UTF-8 bytes of `text`, as 40 hex digits. Snowplow names its identity
 * cookies with the first 4 digits of the SHA-1 of cookie domain + path, and the name
 * must be known synchronously at the first event (`crypto.subtle` is asynchronous and
 * absent outside secure contexts), so the few lines of the algorithm live here.
 * Not for security: only for names.
 */
export function sha1Hex(text: string): string {
  const bytes = [...new TextEncoder().encode(text)];
  const bits = bytes.length * 8;
  bytes.push(0x80);
  while (bytes.length % 64 != 56) bytes.push(0);
  // Length as a 64-bit big-endian number; inputs here are far below 2^32 bits.
  for (let shift = 56; shift >= 0; shift -= 8) bytes.push(shift > 24 ? 0 : (bits >>> shift) & 255);
  let h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];
  const w: number[] = [];
  for (let block = 0; block < bytes.length; block += 64) {
    for (let i = 0; i < 80; i++) {
      const at = block + 4 * i;
      w[i] = i < 16 ? (bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]! : rotate(w[i - 3]! ^ w[i - 8]! ^ w[i - 14]! ^ w[i - 16]!, 1);
    }
    let [a, b, c, d, e] = h as [number, number, number, number, number];
    for (let i = 0; i < 80; i++) {
      const f = i < 20 ? (b & c) | (~b & d) : i < 40 || i >= 60 ? b ^ c ^ d : (b & c) | (b & d) | (c & d);
      const k = i < 20 ? 0x5a827999 : i < 40 ? 0x6ed9eba1 : i < 60 ? 0x8f1bbcdc : 0xca62c1d6;
      const t = (rotate(a, 5) + f + e + k + w[i]!) | 0;
      e = d;
      d = c;
      c = rotate(b, 30);
      b = a;
      a = t;
    }
    const round = [a, b, c, d, e];
    h = h.map((x, j) => (x + round[j]!) | 0);
  }
  return h.map((x) => (x >>> 0).toString(16).padStart(8, '0')).join('');
}

/** The 4-hex-digit suffix of Snowplow's cookie names for a cookie domain and path (`shop.test` + `/` gives `c169`). */
export const cookieNameHash = (domain: string, path: string): string => sha1Hex(domain + path).slice(0, 4);
