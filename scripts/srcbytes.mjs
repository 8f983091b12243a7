import { readFileSync } from 'node:fs';
// Minified bytes of a built file by source module, from its source map: node scripts/srcbytes.mjs dist/isotrack.umd.min.js
import { TraceMap, eachMapping } from '@jridgewell/trace-mapping';
const file = process.argv[2];
const code = readFileSync(file, 'utf8').split('\n');
const map = new TraceMap(JSON.parse(readFileSync(file + '.map', 'utf8')));
const segs = [];
eachMapping(map, (m) => segs.push(m));
segs.sort((a, b) => a.generatedLine - b.generatedLine || a.generatedColumn - b.generatedColumn);
const bytes = {};
for (let i = 0; i < segs.length; i++) {
  const s = segs[i], n = segs[i + 1];
  const end = n && n.generatedLine === s.generatedLine ? n.generatedColumn : code[s.generatedLine - 1].length;
  const k = s.source ?? '?';
  bytes[k] = (bytes[k] ?? 0) + end - s.generatedColumn;
}
const total = Object.values(bytes).reduce((a, b) => a + b, 0);
for (const [k, v] of Object.entries(bytes).sort((a, b) => b[1] - a[1])) console.log(String(v).padStart(7), k.replace(/.*\/src\//, 'src/'));
console.log(total);
