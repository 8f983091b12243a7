/**
 * The codegen package's version, from its package.json. The module may run as
 * `dist/codegen.js`, as a chunk in `dist/chunks/`, or from `src/` under the test
 * runner, so the nearest ancestor holding the package's own package.json wins.
 */
import { readFileSync } from 'node:fs';

function readVersion(): string {
  for (const relative of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as { name?: unknown; version?: unknown };
      if (pkg.name === '@isotrack/codegen' && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // Not there: try the next folder up.
    }
  }
  return 'unknown';
}

export const CODEGEN_VERSION = readVersion();
