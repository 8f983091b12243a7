import { describe, expect, it } from 'vitest';
import { utf8ByteLength } from '../../src/core/index.js';

describe('utf8ByteLength', () => {
  for (const text of ['', 'plain ascii {"e":"pv"}', 'é', 'naïve ☃ ✓', '😀 emoji', 'mixed ü 😀 ascii', '\u07ff\u0800\uffff', 'lone \ud800 surrogate']) {
    it(`counts ${JSON.stringify(text)} as Node does`, () => {
      expect(utf8ByteLength(text)).toBe(Buffer.byteLength(text, 'utf8'));
    });
  }
});
