import { describe, expect, it } from 'vitest';
import { base64UrlEncode } from '../../src/core/base64.js';
import { base64UrlEncode as nodeEncode } from '../../src/node/base64.js';

const samples = ['', 'a', 'ab', 'abc', '{"schema":"iglu:x","data":{"k":"??>>~~"}}', 'naïve ☃ ✓', '😀 emoji', 'x'.repeat(70_000) + 'é'];

for (const [name, encode] of [['core (btoa)', base64UrlEncode], ['Node build (Buffer, js-base64 / btoa)', nodeEncode]] as const) {
  describe(`${name} base64url`, () => {
    for (const text of samples) {
      it(`encodes ${JSON.stringify(text.slice(0, 30))} like Node's base64url, without padding`, () => {
        const encoded = encode(text);
        expect(encoded).toBe(Buffer.from(text, 'utf8').toString('base64url'));
        expect(encoded).not.toMatch(/[+/=]/);
      });
    }
  });
}

describe('the Node build without Buffer (a runtime that loads it and has none)', () => {
  it("encodes ASCII with btoa and UTF-8 text with js-base64, like Node's base64url", () => {
    const expected = samples.map((text) => Buffer.from(text, 'utf8').toString('base64url'));
    const saved = globalThis.Buffer;
    // Only the encoder's own `typeof Buffer` check sees it missing; restored at once.
    (globalThis as { Buffer?: unknown }).Buffer = undefined;
    let encoded: string[];
    try {
      encoded = samples.map(nodeEncode);
    } finally {
      globalThis.Buffer = saved;
    }
    expect(encoded).toEqual(expected);
  });
});
