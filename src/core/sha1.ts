const rotate = (x: number, n: number): number => (x << n) | (x >>> (32 - n));

/**
 * SHA-1 of the UTF-8 bytes of `text`, as 40 hex digits. Snowplow names its identity
 * cookies with the first 4 digits of the SHA-1 of cookie domain + path, and the name
 * must be known synchronously at the first event (`crypto.subtle` is asynchronous and
 * absent outside secure contexts), so the few lines of the algorithm live here.
 * Not for security: only for names. Written for bytes, not speed: it runs once per page.
 */
export function sha1Hex(text: string): string {
  const bytes = [...new TextEncoder().encode(text), 0x80];
  // The padded message as big-endian 32-bit words: the bytes, a 1 bit, zeros, and the
  // length in bits in the last word (inputs here are far below 2^32 bits). Words never
  // written read as undefined, which `|` turns into 0.
  const words: number[] = [];
  bytes.forEach((byte, i) => (words[i >> 2]! |= byte << (24 - 8 * (i & 3))));
  const end = (((bytes.length + 7) >> 6) + 1) * 16;
  words[end - 1] = (bytes.length - 1) * 8;
  // The round constants are 2^30 times the square roots of 2, 3, 5 and 10 (as 32-bit words).
  const k = [2, 3, 5, 10].map((n) => (Math.sqrt(n) * 2 ** 30) | 0);
  let h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];
  for (let block = 0; block < end; block += 16) {
    const w = words.slice(block, block + 16);
    let s = h;
    for (let i = 0; i < 80; i++) {
      const [a, b, c, d, e] = s as [number, number, number, number, number];
      if (i > 15) w[i] = rotate(w[i - 3]! ^ w[i - 8]! ^ w[i - 14]! ^ w[i - 16]!, 1);
      const f = i < 20 ? (b & c) | (~b & d) : i < 40 || i > 59 ? b ^ c ^ d : (b & c) | (b & d) | (c & d);
      s = [(rotate(a, 5) + f + e + k[(i / 20) | 0]! + (w[i]! | 0)) | 0, a, rotate(b, 30), c, d];
    }
    h = h.map((x, j) => (x + s[j]!) | 0);
  }
  return h.map((x) => (x >>> 0).toString(16).padStart(8, '0')).join('');
}

/** The 4-hex-digit suffix of Snowplow's cookie names for a cookie domain and path (`shop.test` + `/` gives `c169`). */
export const cookieNameHash = (domain: string, path: string): string => sha1Hex(domain + path).slice(0, 4);
