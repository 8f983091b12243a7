// The generated module where there is no `process` at all (a browser page loading it
// without a bundler): the NODE_ENV guard must not throw a ReferenceError, and validation is
// then off, unless the module was generated with --validate-always. Run in a fresh V8
// context (node:vm) whose global has no `process`, with a real Tracker from the host.
import vm from 'node:vm';
import { expect, it } from 'vitest';
import { generate } from '../../codegen/src/index.js';
import { Tracker } from '../../src/index.js';
import { CollectingSink } from '../helpers/collecting-sink.js';
import { ACME } from './helpers.js';

type Api = { trackProduct(tracker: Tracker, data: unknown): string };

/** The generated ES module, evaluated as a script in a context without `process`. */
async function loadWithoutProcess(validate: true | 'always'): Promise<Api> {
  const { code } = await generate({ schemaDirs: [ACME], validate, format: 'js' });
  const script = `${code.replace(/^export (const|function) /gm, '$1 ')}\n({ trackProduct });`;
  const context = vm.createContext({});
  expect(vm.runInContext('typeof process', context)).toBe('undefined');
  return vm.runInContext(script, context) as Api;
}

const broken = { id: 'not-a-uuid' }; // and `name` is missing

it('--validate: no process, no ReferenceError and no validation; the event is tracked', async () => {
  const sink = new CollectingSink();
  const api = await loadWithoutProcess(true);
  expect(api.trackProduct(new Tracker(sink), broken)).toMatch(/^[0-9a-f-]{36}$/);
  expect(sink.events).toHaveLength(1);
});

it('--validate-always: validates without process, throws the TypeError and sends nothing', async () => {
  const sink = new CollectingSink();
  const api = await loadWithoutProcess('always');
  expect(() => api.trackProduct(new Tracker(sink), broken)).toThrow('isotrack: iglu:com.acme/product/jsonschema/1-0-0: data is missing the required field "name"');
  expect(sink.events).toHaveLength(0);
});
