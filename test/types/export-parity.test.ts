// One API under every export condition: each condition of package.json `exports`
// (browser, node import/require, neutral import/require) must export the same names at
// run time and in its declarations, and each name must have the same type everywhere.
// Reads the built dist/ (run `npm run build` first), as the package resolves it.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);

interface Target {
  types: string;
  default: string;
}
type Conditions = { [condition: string]: Target | Conditions };

/** Every leaf of the `.` export: its condition path (e.g. `node.require`) and files. */
function conditions(): Map<string, Target> {
  const pkg = JSON.parse(readFileSync(resolve(repo, 'package.json'), 'utf8')) as { exports: { '.': Conditions } };
  const leaves = new Map<string, Target>();
  const walk = (node: Target | Conditions, path: string[]) => {
    if (typeof node.types === 'string' && typeof node.default === 'string') leaves.set(path.join('.'), node as Target);
    else for (const [key, child] of Object.entries(node as Conditions)) walk(child, [...path, key]);
  };
  walk(pkg.exports['.'], []);
  return leaves;
}

const targets = conditions();

async function runtimeNames(file: string): Promise<string[]> {
  const path = resolve(repo, file);
  const mod = (file.endsWith('.cjs') ? require(path) : await import(pathToFileURL(path).href)) as Record<string, unknown>;
  return Object.keys(mod).filter((name) => name !== 'default' && name !== '__esModule').sort();
}

const program = ts.createProgram(
  [...targets.values()].map((target) => resolve(repo, target.types)),
  { strict: true, exactOptionalPropertyTypes: true, noEmit: true, skipLibCheck: false, types: ['node'], lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'] },
);
const checker = program.getTypeChecker();
const flags = ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.WriteArrowStyleSignature | ts.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope;
// A bundled declaration file renames clashing locals (`Tracker$1`); the name a user sees is the same.
const text = (value: string) => value.replace(/\$\d+\b/g, '');
const typeText = (type: ts.Type) => text(checker.typeToString(type, undefined, flags));
const signatures = (type: ts.Type, kind: ts.SignatureKind) =>
  type.getSignaturesOfType ? checker.getSignaturesOfType(type, kind).map((s) => text(checker.signatureToString(s, undefined, flags, kind))) : [];
const members = (type: ts.Type) =>
  Object.fromEntries(
    checker
      .getPropertiesOfType(type)
      .filter((p) => !(ts.getDeclarationModifierFlagsFromSymbol(p) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)))
      .map((p) => [p.name, `${p.flags & ts.SymbolFlags.Optional ? '?' : ''}${typeText(checker.getTypeOfSymbol(p))}`]),
  );

/** What a user can see of one export: its kind, signatures and members. */
function describeExport(symbol: ts.Symbol): Record<string, unknown> {
  const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  const shape: Record<string, unknown> = {};
  if (target.flags & ts.SymbolFlags.Value) {
    const type = checker.getTypeOfSymbol(target);
    const construct = checker.getSignaturesOfType(type, ts.SignatureKind.Construct);
    shape.call = signatures(type, ts.SignatureKind.Call);
    shape.construct = signatures(type, ts.SignatureKind.Construct);
    shape.statics = members(type);
    if (construct[0]) shape.instance = members(construct[0].getReturnType());
    if (!construct.length && !(shape.call as string[]).length) shape.type = typeText(type);
  }
  if (target.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias | ts.SymbolFlags.Class)) {
    const type = checker.getDeclaredTypeOfSymbol(target);
    shape.declared = type.isUnion() ? type.types.map(typeText).sort() : typeText(type);
    shape.members = members(type);
    shape.callable = signatures(type, ts.SignatureKind.Call);
    shape.typeParameters = (type as ts.InterfaceType).typeParameters?.map((p) => typeText(checker.getBaseConstraintOfType(p) ?? p));
  }
  return shape;
}

function declaredExports(file: string): Map<string, Record<string, unknown>> {
  const source = program.getSourceFile(resolve(repo, file))!;
  const moduleSymbol = checker.getSymbolAtLocation(source)!;
  return new Map(checker.getExportsOfModule(moduleSymbol).map((symbol) => [symbol.name, describeExport(symbol)]));
}

describe('every export condition has the same API', () => {
  it('package.json exports the browser, node import/require and neutral import/require conditions', () => {
    expect([...targets.keys()].sort()).toEqual(['browser', 'import', 'node.import', 'node.require', 'require']);
  });

  it('the declaration files compile under strict TypeScript with exactOptionalPropertyTypes', () => {
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(diagnostics).toEqual([]);
  }, 180_000);

  it('the declaration files compile for a Node project without the DOM library', () => {
    const nodeOnly = ts.createProgram(
      [...targets.values()].map((target) => resolve(repo, target.types)),
      { strict: true, exactOptionalPropertyTypes: true, noEmit: true, types: ['node'], lib: ['lib.es2022.d.ts'] },
    );
    const diagnostics = ts.getPreEmitDiagnostics(nodeOnly).map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    expect(diagnostics).toEqual([]);
  }, 180_000);

  const [[referenceName, reference], ...others] = [...targets];

  it('every built file exports the names its declarations declare as values', { timeout: 120_000 }, async () => {
    for (const [condition, target] of targets) {
      const values = [...declaredExports(target.types)]
        .filter(([, shape]) => 'call' in shape)
        .map(([name]) => name)
        .sort();
      expect(await runtimeNames(target.default), condition).toEqual(values);
    }
  });

  for (const [condition, target] of others) {
    it(`${condition} exports the same names at run time as ${referenceName}`, async () => {
      expect(await runtimeNames(target.default)).toEqual(await runtimeNames(reference.default));
    });

    it(`${condition} declares the same names with the same types as ${referenceName}`, () => {
      const mine = declaredExports(target.types);
      const theirs = declaredExports(reference.types);
      expect([...mine.keys()].sort()).toEqual([...theirs.keys()].sort());
      for (const [name, shape] of mine) expect(shape, name).toEqual(theirs.get(name));
    });
  }
});

describe('public declarations suit exactOptionalPropertyTypes', () => {
  it('every optional property accepts undefined, so `{ x: maybe }` compiles', () => {
    const offenders: string[] = [];
    for (const target of targets.values()) {
      const source = program.getSourceFile(resolve(repo, target.types))!;
      const visit = (node: ts.Node): void => {
        const optional = (ts.isPropertySignature(node) || ts.isPropertyDeclaration(node) || ts.isMethodSignature(node)) && node.questionToken;
        if (optional) {
          const type = ts.isMethodSignature(node) ? undefined : node.type;
          const acceptsUndefined =
            type !== undefined && ts.isUnionTypeNode(type) && type.types.some((t) => t.kind === ts.SyntaxKind.UndefinedKeyword);
          if (!acceptsUndefined) {
            const owner = ts.findAncestor(node.parent, (n): n is ts.InterfaceDeclaration | ts.ClassDeclaration | ts.TypeAliasDeclaration =>
              ts.isInterfaceDeclaration(n) || ts.isClassDeclaration(n) || ts.isTypeAliasDeclaration(n),
            );
            offenders.push(`${target.types}: ${owner?.name?.text ?? '?'}.${node.name.getText(source)}`);
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(offenders).toEqual([]);
  });
});
