import { describe, expect, it } from 'vitest';
import { utf8ByteLength } from '../../src/core/index.js';

describe('utf8ByteLength', () => {
  for (const text of ['', 'plain ascii {"e":"pv"}', 'é', 'naïve ☃ ✓', '😀 emoji', 'mixed ü 😀 ascii', '\u07ff\u0800\uffff', 'lone \ud800 surrogate', 'ASCII ends at \x7f', 'Latin-1 starts at \x80', 'lone low \udc00', '\x80', 'lone high before Latin-1 \ud800é', 'pair then lone \ud83d\ude00\ud83d']) {
    it(`counts ${JSON.stringify(text)} as Node does`, () => {
      expect(utf8ByteLength(text)).toBe(Buffer.byteLength(text, 'utf8'));
    });
  }
});

describe('utf8ByteLength of event JSON', () => {
  const cases: Array<Record<string, string>> = [
    { e: 'ue', ue_px: 'eyJzY2hlbWEiOiJ4In0', cx: 'eyJ4IjoxfQ', url: 'https://a.test/' },
    { e: 'pv', url: 'https://a.test/ünï', page: 'Café ☃' },
    { e: 'ue', ue_pr: '{"data":{"name":"naïve 😀"}}', co: '{"x":"\\"quoted\\""}' },
    { e: 'se', se_la: 'lone \ud800 surrogate', se_ca: 'tab\tand "quotes"' },
  ];
  for (const payload of cases) {
    it(`counts the JSON of ${JSON.stringify(payload).slice(0, 40)} as Node does`, () => {
      const json = JSON.stringify(payload);
      expect(utf8ByteLength(json)).toBe(Buffer.byteLength(json, 'utf8'));
    });
  }
});
