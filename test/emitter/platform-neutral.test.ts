import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../src/emitter/', import.meta.url).pathname;
const forbidden = /\b(window|document|navigator|process|Buffer|require)\b|from ['"]node:|import\(['"]node:/;

describe('the delivery engine is platform-neutral', () => {
  for (const file of readdirSync(root).filter((f) => f.endsWith('.ts'))) {
    it(`src/emitter/${file} references no platform global`, () => {
      // Comments may name platforms; code may not.
      const code = readFileSync(join(root, file), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '');
      expect(code).not.toMatch(forbidden);
    });
  }
});
