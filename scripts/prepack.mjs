#!/usr/bin/env node
// `npm pack` / `npm publish` run this first (the `prepack` script): a package without
// its build is four files that import nothing. Refuses when a file the package exports
// is missing, and warns when the build is older than a source (run `npm run build`).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** Every file path named in `exports`, `main`, `module`, `types` and `unpkg`. */
function exported(value, out = new Set()) {
  if (typeof value === 'string') out.add(value);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) exported(v, out);
  return out;
}
const files = [...exported([pkg.exports, pkg.main, pkg.module, pkg.types, pkg.unpkg])].filter((f) => f.startsWith('./dist/'));
const missing = files.filter((f) => !existsSync(join(root, f)));
if (missing.length) {
  console.error(`isotrack prepack: the build is missing (${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', …' : ''}). Run \`npm run build\` first, then pack again.`);
  process.exit(1);
}

function newest(dir) {
  let t = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const s = statSync(path);
    t = Math.max(t, s.isDirectory() ? newest(path) : s.mtimeMs);
  }
  return t;
}
const built = Math.min(...files.map((f) => statSync(join(root, f)).mtimeMs));
if (built < newest(join(root, 'src'))) console.warn('isotrack prepack: dist/ is older than src/; packing it anyway. Run `npm run build` to pack the current sources.');
