import { describe, expect, it } from 'vitest';
import { base64UrlEncode as browserEncode } from '../../src/browser/base64.js';
import { base64UrlEncode } from '../../src/core/base64.js';

const samples = ['', 'a', 'ab', 'abc', '{"schema":"iglu:x","data":{"k":"??>>~~"}}', 'naïve ☃ ✓', '😀 emoji', 'x'.repeat(70_000) + 'é'];

for (const [name, encode] of [['core (js-base64 / btoa)', base64UrlEncode], ['browser (btoa)', browserEncode]] as const) {
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
