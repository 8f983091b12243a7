const rotate = (x: number, n: number): number => (x << n) | (x >>> (32 - n));

/**
 * SHA-1 of the UTF-8 bytes of `text`, as 40 hex digits. Snowplow names its identity
 * cookies with the first 4 digits of the SHA-1 of cookie domain + path, and the name
 * must be known synchronously at the first event (`crypto.subtle` is asynchronous and
 * absent outside secure contexts), so the few lines of the algorithm live here.
 * Not for security: only for names.
 */
export function sha1Hex(text: string): string {
  const bytes = new TextEncoder().encode(text);
  const length = bytes.length;
  // The padded message as big-endian 32-bit words: the bytes, a 1 bit, zeros, and the
  // length in bits in the last word (inputs here are far below 2^32 bits). Words never
  // written read as undefined, which `|` turns into 0.
  const words: number[] = [];
  for (let i = 0; i <= length; i++) words[i >> 2]! |= (i < length ? bytes[i]! : 0x80) << (24 - 8 * (i & 3));
  const end = (((length + 8) >> 6) + 1) * 16;
  words[end - 1] = length * 8;
  const h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];
  const w: number[] = [];
  for (let block = 0; block < end; block += 16) {
    let [a, b, c, d, e] = h as [number, number, number, number, number];
    for (let i = 0; i < 80; i++) {
      w[i] = i < 16 ? words[block + i]! | 0 : rotate(w[i - 3]! ^ w[i - 8]! ^ w[i - 14]! ^ w[i - 16]!, 1);
      const f =
        i < 20 ? ((b & c) | (~b & d)) + 0x5a827999 : i < 40 ? (b ^ c ^ d) + 0x6ed9eba1 : i < 60 ? ((b & c) | (b & d) | (c & d)) + 0x8f1bbcdc : (b ^ c ^ d) + 0xca62c1d6;
      const t = (rotate(a, 5) + f + e + w[i]!) | 0;
      e = d;
      d = c;
      c = rotate(b, 30);
      b = a;
      a = t;
    }
    [a, b, c, d, e].map((x, j) => (h[j] = (h[j]! + x) | 0));
  }
  return h.map((x) => (x >>> 0).toString(16).padStart(8, '0')).join('');
}

/** The 4-hex-digit suffix of Snowplow's cookie names for a cookie domain and path (`shop.test` + `/` gives `c169`). */
export const cookieNameHash = (domain: string, path: string): string => sha1Hex(domain + path).slice(0, 4);
