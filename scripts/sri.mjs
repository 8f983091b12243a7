#!/usr/bin/env node
// Prints the Subresource Integrity hash of the script-tag build, for the snippet's
// `integrity` attribute:
//   node scripts/sri.mjs            → sha384-…
//   node scripts/sri.mjs --html     → the <script> tag with integrity and crossorigin
// In this repository (`npm run build`) it also writes it beside the build
// (dist/isotrack.umd.min.js.sri). In an installed copy (node_modules/isotrack) it only
// prints: a package's files are never rewritten by asking what their hash is.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const file = new URL('../dist/isotrack.umd.min.js', import.meta.url);
let code;
try {
  code = readFileSync(file);
} catch {
  console.error('dist/isotrack.umd.min.js is missing: run `npm run build` first');
  process.exit(1);
}
const sri = `sha384-${createHash('sha384').update(code).digest('base64')}`;
const sriFile = new URL('../dist/isotrack.umd.min.js.sri', import.meta.url);
const installed = fileURLToPath(sriFile).split(/[\\/]/).includes('node_modules');
if (!installed) {
  let current;
  try {
    current = readFileSync(sriFile, 'utf8');
  } catch {}
  if (current !== `${sri}\n`) writeFileSync(sriFile, `${sri}\n`);
}
console.log(
  process.argv.includes('--html')
    ? `<script async src="https://cdn.example.com/isotrack@${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}/dist/isotrack.umd.min.js" integrity="${sri}" crossorigin="anonymous"></script>`
    : sri,
);
