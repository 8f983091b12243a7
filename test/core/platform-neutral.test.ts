// The core and the delivery engine run everywhere: a platform global inside them
// would break SSR, workers or Node. This reads the sources, as a reviewer would.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const PLATFORM_NAMES = /\b(window|document|navigator|localStorage|sessionStorage|process|Buffer|require|XMLHttpRequest)\b|from\s+['"]node:|import\(['"]node:/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

function codeLines(path: string): Array<[number, string]> {
  // Comments may mention platforms (they say why); code may not.
  const text = readFileSync(path, 'utf8').replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ''));
  return text.split('\n').map((line, i): [number, string] => [i + 1, line.replace(/\/\/.*$/, '')]);
}

describe('platform-neutral code', () => {
  for (const dir of ['src/core', 'src/emitter']) {
    it(`${dir} references no platform global`, () => {
      const hits = sources(dir).flatMap((file) =>
        codeLines(file).filter(([, line]) => PLATFORM_NAMES.test(line)).map(([n, line]) => `${file}:${n}: ${line.trim()}`),
      );
      expect(hits).toEqual([]);
    });
  }

  it('the check itself catches a platform global', () => {
    expect(PLATFORM_NAMES.test('const w = window.innerWidth')).toBe(true);
    expect(PLATFORM_NAMES.test("import http from 'node:http'")).toBe(true);
    expect(PLATFORM_NAMES.test("await import('node:http')")).toBe(true);
    expect(PLATFORM_NAMES.test('const windowSize = 3')).toBe(false);
  });
});
