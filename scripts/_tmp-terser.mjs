import { minify } from 'terser';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
const code = readFileSync(process.argv[2] ?? '/work/wt-bytes/dist/isotrack.umd.js', 'utf8');
const C = { passes: 3, unsafe_arrows: true };
const variants = {
  base: {},
  keep_fargs: { compress: { ...C, keep_fargs: false } },
  pure_getters: { compress: { ...C, pure_getters: true } },
  unsafe_methods: { compress: { ...C, unsafe_methods: true } },
  unsafe_undefined: { compress: { ...C, unsafe_undefined: true } },
  unsafe_comps: { compress: { ...C, unsafe_comps: true } },
  unsafe_math: { compress: { ...C, unsafe_math: true } },
  no_wrap: { format: { wrap_func_args: false } },
  booleans_as_integers: { compress: { ...C, booleans_as_integers: true } },
  hoist_vars: { compress: { ...C, hoist_vars: true } },
  hoist_props_off: { compress: { ...C, hoist_props: false } },
  inline2: { compress: { ...C, inline: 2 } },
  sequences_off: { compress: { ...C, sequences: false } },
  join_vars_off: { compress: { ...C, join_vars: false } },
  passes2: { compress: { ...C, passes: 2 } },
  passes4: { compress: { ...C, passes: 4 } },
};
for (const [name, v] of Object.entries(variants)) {
  const opts = { ecma: 2020, compress: v.compress ?? C, mangle: { properties: { regex: /^_/ } }, format: v.format };
  const out = await minify(code, opts);
  console.log(name.padEnd(20), gzipSync(out.code, { level: 9 }).length, out.code.length);
}
