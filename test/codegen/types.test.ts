// The generated module as a strict TypeScript user compiles it: all 303 Iglu Central
// schemas (with and without --validate) and the @ts-expect-error type tests, in one
// TypeScript program under strict, exactOptionalPropertyTypes, noUncheckedIndexedAccess
// and the unused/implicit-return checks. `isotrack` resolves to the built types (dist/).
import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { expect, it } from 'vitest';
import { generate } from '../../codegen/src/index.js';
import { ACME, IGLU_CENTRAL, REPO, STRICT, countSchemaFiles, scratch } from './helpers.js';

function diagnostics(files: string[]): string[] {
  const program = ts.createProgram(files, STRICT);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file && d.start !== undefined ? `${d.file.fileName}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}` : '';
    return `${where} TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}

it('compiles the module of all 303 Iglu Central schemas, with and without --validate, and the type tests, with 0 errors', async () => {
  expect(existsSync(join(REPO, 'dist/index.d.ts')), 'run npm run build first').toBe(true);
  expect(countSchemaFiles(IGLU_CENTRAL)).toBe(303);
  const dir = scratch('types');
  const plan = { schemaDirs: [], include: [], allVersions: true };
  const started = performance.now();
  const plain = await generate({ schemaDirs: [IGLU_CENTRAL], plan });
  const generateMs = performance.now() - started;
  const validating = await generate({ schemaDirs: [IGLU_CENTRAL], plan, validate: true });
  expect(plain.entries).toHaveLength(303);
  const functions = plain.entries.filter((entry) => entry.track).length * 2;
  writeFileSync(join(dir, 'all.ts'), plain.code);
  writeFileSync(join(dir, 'all-validate.ts'), validating.code);
  // The type tests, next to the module of the fixture schemas (every version).
  const acme = await generate({ schemaDirs: [ACME], plan, validate: true });
  writeFileSync(join(dir, 'tracking.ts'), acme.code);
  copyFileSync(join(import.meta.dirname, 'type-tests.ts'), join(dir, 'type-tests.ts'));
  const compileStarted = performance.now();
  const errors = diagnostics(['all.ts', 'all-validate.ts', 'type-tests.ts'].map((file) => join(dir, file)));
  const compileMs = performance.now() - compileStarted;
  expect(errors).toEqual([]);
  console.log(
    `codegen: 303 schemas → ${functions} functions (${functions / 2} track + ${functions / 2} create; ${303 - functions / 2} array schemas get a type only); ` +
      `generated in ${Math.round(generateMs)} ms (${Math.round(plain.code.length / 1024)} KiB, ${Math.round(validating.code.length / 1024)} KiB with --validate); ` +
      `both compiled in ${(compileMs / 1000).toFixed(1)} s`,
  );
}, 600_000);

it('writes a .js module and a .d.ts that compile together under the same flags', async () => {
  const dir = scratch('dts');
  const result = await generate({ schemaDirs: [ACME], plan: { schemaDirs: [], include: [], allVersions: true }, validate: true, format: 'js' });
  expect(result.declarations).toBeDefined();
  writeFileSync(join(dir, 'tracking.js'), result.code);
  writeFileSync(join(dir, 'tracking.d.ts'), result.declarations!);
  copyFileSync(join(import.meta.dirname, 'type-tests.ts'), join(dir, 'type-tests.ts'));
  expect(diagnostics([join(dir, 'type-tests.ts')])).toEqual([]);
  // The JavaScript has no annotation left: Node parses it as plain JavaScript.
  expect(result.code).not.toMatch(/⟨|⟩|: any\b|: string \| undefined/);
}, 120_000);
