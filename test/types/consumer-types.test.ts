// The types a strict TypeScript user gets from the packed package: `tsc` on consumer
// files that import 'isotrack' from the installed tarball, under every module
// resolution a project may use, with strict, exactOptionalPropertyTypes and
// noUncheckedIndexedAccess; and every ```ts block of README.md, compiled as written.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO, consumerProject } from '../consumers/projects.mjs';
import { readmeBlocks, readmeFiles } from './readme-blocks.js';

const { version } = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string };
const typescript = (JSON.parse(readFileSync(join(REPO, 'node_modules/typescript/package.json'), 'utf8')) as { version: string }).version;

// skipLibCheck as the Vite and Next templates set it; the declarations themselves are
// checked without it in export-parity.test.ts.
const STRICT = { strict: true, exactOptionalPropertyTypes: true, noUncheckedIndexedAccess: true, noEmit: true, skipLibCheck: true };

/** What a strict user writes; `@ts-expect-error` lines must stay errors. */
const usage = `
import { expectTypeOf } from 'expect-type';
import {
  Emitter, Subject, TRACKER_VERSION, Tracker, enableActivityTracking, newTracker,
  type BrowserTracker, type FlushResult, type PlatformCode, type SelfDescribingJson,
} from 'isotrack';

interface Checkout { orderId: string; total: number }
const checkout: Checkout = { orderId: 'o-1', total: 42 };
const emitter = new Emitter('collector.example.com', { bufferSize: 1 });
const tracker = new Tracker(emitter, { appId: 'shop', platform: 'srv' });

// Event data and entities typed with an interface are accepted, and checked against it.
tracker.trackSelfDescribingEvent({ event: { schema: 'iglu:com.acme/checkout/jsonschema/1-0-0', data: checkout } });
const entity: SelfDescribingJson<Checkout> = { schema: 'iglu:com.acme/checkout/jsonschema/1-0-0', data: checkout };
tracker.trackStructEvent({ category: 'shop', action: 'buy', context: [entity] });
tracker.trackSelfDescribingEvent<Checkout>({ event: { schema: 'iglu:com.acme/checkout/jsonschema/1-0-0', data: { orderId: 'o-2', total: 1 } } });
// @ts-expect-error total is missing from the Checkout data
tracker.trackSelfDescribingEvent<Checkout>({ event: { schema: 'iglu:com.acme/checkout/jsonschema/1-0-0', data: { orderId: 'o-3' } } });

// flush() and close() resolve with one FlushResult per emitter.
export async function finish(): Promise<boolean> {
  const results = await tracker.flush({ timeout: 2_000 });
  expectTypeOf(results).toEqualTypeOf<FlushResult[]>();
  // @ts-expect-error noUncheckedIndexedAccess: there may be no first result
  results[0].ok;
  const first = results[0];
  expectTypeOf(await tracker.close()).toEqualTypeOf<FlushResult[]>();
  return first !== undefined && first.ok && !first.timedOut;
}

// Every optional field accepts undefined (exactOptionalPropertyTypes).
declare const maybeText: string | undefined;
declare const maybeNumber: number | undefined;
tracker.trackPageView({ pageUrl: 'https://shop.example/', pageTitle: maybeText, referrer: maybeText, trueTimestamp: maybeNumber });
new Emitter('collector.example.com', { bufferSize: maybeNumber, onFailure: undefined, transport: undefined });
new Tracker(emitter, { appId: maybeText, namespace: maybeText, platform: undefined, subject: undefined });

// Platform codes are a literal union: a typo does not compile.
expectTypeOf<PlatformCode>().toEqualTypeOf<'web' | 'mob' | 'pc' | 'srv' | 'app' | 'tv' | 'cnsl' | 'iot' | 'headset'>();
// @ts-expect-error 'browser' is not a platform code
new Tracker(emitter, { platform: 'browser' });
// @ts-expect-error 'browser' is not a platform code
new Subject().setPlatform('browser');

// The version is the package's, not a build placeholder.
expectTypeOf<typeof TRACKER_VERSION>().toEqualTypeOf<'isotrack-${version}'>();

// The browser API exists under every condition (a plain tracker on a server).
const browser: BrowserTracker = newTracker('sp', 'collector.example.com', { appId: maybeText, sessionTimeout: maybeNumber });
const stop: () => void = enableActivityTracking(browser, { heartbeatDelay: 10 });
expectTypeOf(browser.flush()).toEqualTypeOf<Promise<FlushResult[]>>();
stop();
`;

const tsconfig = (options: Record<string, unknown>, include = ['*.ts']) => JSON.stringify({ compilerOptions: { ...STRICT, ...options }, include }, null, 2);
const ESM = { target: 'es2022', lib: ['es2022', 'dom'] };
const NODE_ONLY = { target: 'es2022', lib: ['es2022'], types: ['node'] };

/** Each case: a folder with its own package.json type and tsconfig. */
const cases: Record<string, { type: 'module' | 'commonjs'; options: Record<string, unknown> }> = {
  'bundler (Vite vanilla-ts, no customConditions)': { type: 'module', options: { ...ESM, module: 'esnext', moduleResolution: 'bundler' } },
  'bundler with customConditions ["browser"]': {
    type: 'module',
    options: { ...ESM, module: 'esnext', moduleResolution: 'bundler', customConditions: ['browser'] },
  },
  'node16, ESM package (no DOM lib)': { type: 'module', options: { ...NODE_ONLY, module: 'node16', moduleResolution: 'node16' } },
  'node16, CommonJS package (no DOM lib)': { type: 'commonjs', options: { ...NODE_ONLY, module: 'node16', moduleResolution: 'node16' } },
  'node10 (CommonJS)': { type: 'commonjs', options: { ...ESM, module: 'commonjs', moduleResolution: 'node10', esModuleInterop: true } },
};
const folder = (name: string) => `cases/${name.replace(/\W+/g, '-').replace(/^-|-$/g, '')}`;

let project: string;

/**
 * \`tsc -p <tsconfig>\` with the project's own TypeScript, in this process: the
 * programs share parsed declaration files (the DOM library, @types/node), which makes
 * seven compilations cost little more than one. Resolves with the diagnostics as tsc
 * prints them, '' when there are none.
 */
let tsc: (tsconfigPath: string) => Promise<string>;

function compilerIn(dir: string): typeof tsc {
  const ts = createRequire(join(dir, 'package.json'))('typescript') as typeof import('typescript');
  const cache = new Map<string, import('typescript').SourceFile | undefined>();
  const host = ts.createCompilerHost({});
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersionOrOptions, ...rest) => {
    const options = typeof languageVersionOrOptions === 'object' ? languageVersionOrOptions : { languageVersion: languageVersionOrOptions };
    // Only files outside the cases (the libraries) are shared; their parse depends on these.
    const key = `${fileName}|${options.languageVersion}|${options.impliedNodeFormat ?? ''}`;
    if (fileName.includes('/node_modules/') && cache.has(key)) return cache.get(key);
    const file = getSourceFile(fileName, languageVersionOrOptions, ...rest);
    if (fileName.includes('/node_modules/')) cache.set(key, file);
    return file;
  };
  const format: import('typescript').FormatDiagnosticsHost = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => dir, getNewLine: () => '\n' };
  return async (tsconfigPath) => {
    const config = ts.getParsedCommandLineOfConfigFile(join(dir, tsconfigPath), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n')); } })!;
    const program = ts.createProgram({ rootNames: config.fileNames, options: config.options, host, projectReferences: config.projectReferences ?? [] });
    const diagnostics = [...config.errors, ...ts.getPreEmitDiagnostics(program)];
    return ts.formatDiagnostics(diagnostics, format);
  };
}

beforeAll(async () => {
  const files: Record<string, string> = {};
  for (const [name, { type, options }] of Object.entries(cases)) {
    files[`${folder(name)}/package.json`] = JSON.stringify({ type });
    files[`${folder(name)}/tsconfig.json`] = tsconfig(options);
    files[`${folder(name)}/usage.ts`] = type === 'commonjs' ? usage.replace(/^export async function/m, 'async function') + '\nvoid finish;\n' : usage;
  }
  files['cases/sanity/package.json'] = JSON.stringify({ type: 'module' });
  files['cases/sanity/tsconfig.json'] = tsconfig(cases['bundler (Vite vanilla-ts, no customConditions)']!.options);
  files['cases/sanity/usage.ts'] = "import { Tracker } from 'isotrack';\n// @ts-expect-error\nexport const name: string = Tracker.name;\n";
  Object.assign(files, readmeFiles(readFileSync(join(REPO, 'README.md'), 'utf8'), tsconfig));
  project = await consumerProject('types', {
    dependencies: { typescript, 'expect-type': '1.4.0', '@types/node': '20.19.43' },
    workspaces: ['collector'],
    files,
  });
  tsc = compilerIn(project);
}, 600_000);

describe(`strict TypeScript ${typescript} consumers of the packed package`, () => {
  for (const name of Object.keys(cases)) {
    it(`compiles under ${name}`, async () => {
      expect(await tsc(`${folder(name)}/tsconfig.json`)).toBe('');
    }, 120_000);
  }

  it('a @ts-expect-error line that compiles fails the check (these assertions can fail)', async () => {
    expect(await tsc('cases/sanity/tsconfig.json')).toMatch(/TS2578: Unused '@ts-expect-error' directive/);
  }, 120_000);
});

describe('README TypeScript examples', () => {
  const blocks = readmeBlocks(readFileSync(join(REPO, 'README.md'), 'utf8'));

  it('the README has TypeScript examples to compile', () => {
    expect(blocks.length).toBeGreaterThan(0);
  });

  it('every ```ts block of README.md compiles (strict, node16 ESM)', async () => {
    expect(await tsc('readme/tsconfig.json')).toBe('');
  }, 120_000);
});
