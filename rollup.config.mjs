// One config for every artefact. Each platform gets its own entry so that the
// browser and UMD bundles never see Node-only code, and the collector's
// validator (ajv) never reaches a browser build.
import typescript from '@rollup/plugin-typescript';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { dts } from 'rollup-plugin-dts';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import tsc from 'typescript';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const nodeBuiltins = (id) => id.startsWith('node:');
const collectorPkg = JSON.parse(readFileSync(new URL('./collector/package.json', import.meta.url), 'utf8'));
const isDep = (deps) => (id) => Object.keys(deps ?? {}).some((dep) => id === dep || id.startsWith(`${dep}/`));
const runtimeDeps = (id) => nodeBuiltins(id) || isDep(pkg.dependencies)(id) || isDep(pkg.peerDependencies)(id);
// The collector package bundles the SDK's platform list; only its own dependencies stay external.
const collectorDeps = (id) => nodeBuiltins(id) || isDep(collectorPkg.dependencies)(id);
const ts = () => typescript({ tsconfig: './tsconfig.json', compilerOptions: { noEmit: false, declaration: false } });
// For the script-tag build only: TypeScript `private` members become `_`-prefixed, so that
// terser's property mangling (`regex: /^_/`) shortens them. Class members keep long,
// readable names in the source and in every other build.
const mangleTsPrivates = {
  type: 'typeChecker',
  factory: (checker) => (context) => {
    const f = context.factory;
    const isPrivate = (decl) =>
      (tsc.isPropertyDeclaration(decl) || tsc.isMethodDeclaration(decl) || tsc.isAccessor(decl)) &&
      (tsc.getCombinedModifierFlags(decl) & tsc.ModifierFlags.Private) !== 0;
    const privateName = (name) => {
      const decls = tsc.isIdentifier(name) ? checker.getSymbolAtLocation(name)?.declarations : undefined;
      return decls?.length && decls.every(isPrivate) ? f.createIdentifier(`_${name.text}`) : undefined;
    };
    const visit = (node) => {
      if (tsc.isPropertyAccessExpression(node)) {
        const name = privateName(node.name);
        if (name) return f.updatePropertyAccessExpression(node, tsc.visitNode(node.expression, visit), name);
      } else if ((tsc.isPropertyDeclaration(node) || tsc.isMethodDeclaration(node)) && isPrivate(node)) {
        const name = privateName(node.name);
        if (name) {
          const next = tsc.visitEachChild(node, visit, context);
          return tsc.isPropertyDeclaration(next)
            ? f.updatePropertyDeclaration(next, next.modifiers, name, next.questionToken ?? next.exclamationToken, next.type, next.initializer)
            : f.updateMethodDeclaration(next, next.modifiers, next.asteriskToken, name, next.questionToken, next.typeParameters, next.parameters, next.type, next.body);
        }
      }
      return tsc.visitEachChild(node, visit, context);
    };
    return (source) => tsc.visitNode(source, visit);
  },
};

const replaceVersion = () => ({
  name: 'version',
  transform: (code) => (code.includes('__ISOTRACK_VERSION__') ? { code: code.replaceAll('__ISOTRACK_VERSION__', pkg.version), map: null } : null),
});
// The declarations are generated from the source, not transformed: their output is stamped.
const replaceVersionInOutput = () => ({
  name: 'version-output',
  renderChunk: (code) => (code.includes('__ISOTRACK_VERSION__') ? { code: code.replaceAll('__ISOTRACK_VERSION__', pkg.version), map: null } : null),
});

// The core encodes with native btoa (src/core/base64.ts), which browsers, workers, Deno,
// Bun and edge runtimes all have; the neutral build thus has no bare import and loads
// unbundled anywhere (a module worker, Deno by URL, workerd; docs/runtimes.md). Only the
// Node build swaps in src/node/base64.ts: Buffer, about 1.5x faster on an event's JSON,
// and the design card's js-base64 where Buffer is missing.
const nodeBase64 = () => ({
  name: 'node-base64',
  async resolveId(source, importer, options) {
    if (!importer || !source.endsWith('/base64.js')) return null;
    const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
    return resolved?.id.endsWith('/src/core/base64.ts') ? resolved.id.replace('/src/core/base64.ts', '/src/node/base64.ts') : null;
  },
});

// The add-ons of the script tag (src/plugins/*.ts, except the shared modules) and what
// the core tag lends them: src/plugins/core-api.ts re-exports, by module, the names an
// add-on may take from the loaded core (`isotrack.internal`), each under its key
// (`readFields as r`; a name without `as` is its own key).
const ADD_ON_SHARED = new Set(['core-api', 'register', 'registry']);
const addOns = readdirSync('src/plugins')
  .map((file) => file.replace(/\.ts$/, ''))
  .filter((name) => !ADD_ON_SHARED.has(name));
const coreApi = new Map(
  [...readFileSync('src/plugins/core-api.ts', 'utf8').matchAll(/export \{([^}]*)\} from '([^']+)'/g)].map(([, names, from]) => [
    resolvePath('src/plugins', from.replace(/\.js$/, '.ts')),
    names.split(',').map((name) => name.trim()).filter(Boolean).map((name) => name.split(/\s+as\s+/)),
  ]),
);
// An add-on's import of a module the core tag lends becomes a read of `isotrack.internal`:
// the add-on carries only its own code. A name the core does not lend fails the build.
const fromCoreTag = () => ({
  name: 'from-core-tag',
  async resolveId(source, importer, options) {
    if (!importer || importer.startsWith('\0')) return null;
    const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
    return resolved && coreApi.has(resolved.id) ? `\0core:${resolved.id}` : null;
  },
  load(id) {
    if (!id.startsWith('\0core:')) return null;
    return coreApi.get(id.slice(6)).map(([name, key = name]) => `export const ${name} = isotrack.internal.${key};`).join('\n');
  },
});
// Terser for the script tag and its add-ons: `_`-prefixed (TypeScript-private) members
// are mangled; each add-on reads the core only through `isotrack.internal` and public
// methods, never a mangled name.
// `ecma: 2020` lets terser write the syntax the builds already use (ES2021, see
// docs/browser.md); `unsafe_arrows` turns function expressions that use neither `this`
// nor `arguments` into arrows, which is unsafe only for a function called with `new` or
// whose `prototype` is read: none in these builds (classes are classes).
const minify = () => terser({ ecma: 2020, compress: { passes: 3, unsafe_arrows: true }, mangle: { properties: { regex: /^_/ } } });

// Rollup's UMD wrapper assigns the factory's result to the global `isotrack` when there is
// neither CommonJS nor AMD; the tag's entry (src/umd.ts) assigns that global itself, before
// it replays the snippet's queue. The minified tag keeps the CommonJS and AMD branches and
// drops the global one (and the `this`/`self` lookup it needs), line for line, so that the
// source map stays true. A Rollup whose wrapper differs fails the build here.
const UMD_HEADER = `(function (global, factory) {
    typeof exports === 'object' && typeof module !== 'undefined' ? module.exports = factory() :
    typeof define === 'function' && define.amd ? define(factory) :
    (global = typeof globalThis !== 'undefined' ? globalThis : global || self, global.isotrack = factory());
})(this, (function () {`;
const leanUmdWrapper = () => ({
  name: 'lean-umd-wrapper',
  renderChunk(code) {
    if (!code.startsWith(UMD_HEADER)) throw new Error('lean-umd-wrapper: unexpected UMD header');
    const header = `(function (factory) {
    typeof exports === 'object' && typeof module !== 'undefined' ? module.exports = factory() :
    typeof define === 'function' && define.amd ? define(factory) :
    factory();
})((function () {`;
    return { code: header + code.slice(UMD_HEADER.length), map: null };
  },
});

const library = (input, name, platformPlugins = []) => ({
  input,
  external: runtimeDeps,
  plugins: [...platformPlugins, replaceVersion(), ts()],
  output: [
    { file: `dist/${name}.js`, format: 'es', sourcemap: true },
    { file: `dist/${name}.cjs`, format: 'cjs', sourcemap: true, exports: 'named' },
  ],
});

const types = (input, name, formats = ['js', 'cjs'], dir = 'dist') => ({
  input,
  external: runtimeDeps,
  plugins: [dts({ tsconfig: './tsconfig.json' }), replaceVersionInOutput()],
  output: formats.map((ext) => ({ file: `${dir}/${name}.d.${ext === 'js' ? 'ts' : 'cts'}`, format: 'es' })),
});

const configs = [
  library('src/index.ts', 'index'),
  library('src/index.node.ts', 'node', [nodeBase64()]),
  {
    input: 'src/index.browser.ts',
    // The browser build bundles nothing Node-only and needs no runtime dependency.
    plugins: [replaceVersion(), ts()],
    output: { file: 'dist/browser.js', format: 'es', sourcemap: true },
  },
  {
    input: 'src/umd.ts',
    // A script tag has no bundler: everything it needs is inlined.
    plugins: [
      replaceVersion(),
      resolve({ browser: true }),
      typescript({
        tsconfig: './tsconfig.json',
        compilerOptions: { noEmit: false, declaration: false },
        transformers: { before: [mangleTsPrivates] },
      }),
    ],
    output: [
      { file: 'dist/isotrack.umd.js', format: 'umd', name: 'isotrack', sourcemap: true },
      {
        file: 'dist/isotrack.umd.min.js',
        format: 'umd',
        name: 'isotrack',
        sourcemap: true,
        // `isotrack.internal` (a module namespace) is read by add-ons only: not frozen.
        freeze: false,
        plugins: [leanUmdWrapper(), minify()],
      },
    ],
  },
  ...addOns.map((name) => ({
    input: `src/plugins/${name}.ts`,
    // Reads of the core's names (`isotrack.internal.x`, `SCHEMAS.linkClick`) have no side
    // effects: the ones an add-on does not use are dropped.
    treeshake: { propertyReadSideEffects: false, unknownGlobalSideEffects: false },
    plugins: [
      fromCoreTag(),
      replaceVersion(),
      typescript({
        tsconfig: './tsconfig.json',
        compilerOptions: { noEmit: false, declaration: false },
        transformers: { before: [mangleTsPrivates] },
      }),
    ],
    output: { file: `dist/plugins/${name}.umd.min.js`, format: 'iife', sourcemap: true, plugins: [minify()] },
  })),
  {
    input: { collector: 'collector/src/index.ts', 'collector-cli': 'collector/src/cli.ts' },
    external: collectorDeps,
    plugins: [replaceVersion(), ts()],
    output: { dir: 'collector/dist', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
  },
  {
    // CommonJS users of `@isotrack/collector` (e.g. Jest set-ups) get their own build.
    input: 'collector/src/index.ts',
    external: collectorDeps,
    plugins: [replaceVersion(), ts()],
    output: { file: 'collector/dist/collector.cjs', format: 'cjs', exports: 'named' },
  },
  {
    // The code generator: a Node command with no runtime dependency (the collector's
    // Iglu registry client is bundled in).
    input: { codegen: 'codegen/src/index.ts', 'codegen-cli': 'codegen/src/cli.ts' },
    external: nodeBuiltins,
    plugins: [replaceVersion(), ts()],
    output: { dir: 'codegen/dist', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
  },
  types('src/index.ts', 'index'),
  types('src/index.node.ts', 'node'),
  types('src/index.browser.ts', 'browser', ['js']),
  types('collector/src/index.ts', 'collector', ['js', 'cjs'], 'collector/dist'),
  types('codegen/src/index.ts', 'codegen', ['js'], 'codegen/dist'),
];

// `ISOTRACK_ONLY=<regex> rollup -c` builds only the artefacts whose output file matches
// (e.g. `umd|plugins` while working on the script tag); `npm run build` builds all.
const only = process.env.ISOTRACK_ONLY && new RegExp(process.env.ISOTRACK_ONLY);
const outputs = (config) => [config.output ?? []].flat().map((o) => o.file ?? o.dir);
export default only ? configs.filter((config) => outputs(config).some((file) => only.test(file))) : configs;
