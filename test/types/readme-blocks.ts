// Turns the ```ts blocks of README.md into files a consumer project compiles, so that
// the type test follows the README as it changes. A block may use the package's names
// without importing them (the README shows fragments): the missing imports are added.
// The few things a fragment takes from its surroundings are declared in a prelude.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from '../consumers/projects.mjs';

export interface ReadmeBlock {
  /** Line of the opening fence in README.md (1-based). */
  line: number;
  code: string;
}

export function readmeBlocks(markdown: string): ReadmeBlock[] {
  const blocks: ReadmeBlock[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!/^```(ts|typescript)\s*$/.test(lines[i]!)) continue;
    const start = i;
    const code: string[] = [];
    while (++i < lines.length && !/^```\s*$/.test(lines[i]!)) code.push(lines[i]!);
    blocks.push({ line: start + 1, code: code.join('\n') });
  }
  return blocks;
}

/** The names the package exports (values and types), read from its declarations. */
function packageNames(): string[] {
  const declarations = readFileSync(join(REPO, 'dist/index.d.ts'), 'utf8');
  const names = new Set<string>();
  for (const [, list] of declarations.matchAll(/^export (?:type )?\{([^}]*)\};?$/gm)) {
    for (const item of list!.split(',')) {
      const name = item.trim().split(/\s+as\s+/).pop();
      if (name) names.add(name);
    }
  }
  return [...names];
}

/** What README fragments take from the surrounding page: an app's router, a tracker made earlier. */
const PRELUDE = `// Ambient names the README's fragments refer to without defining them.
declare const router: { afterEach(hook: () => void): void };
declare const tracker: import('isotrack').Tracker;
`;

/** Adds `import { … } from 'isotrack'` for package names a block uses but neither imports nor declares. */
function withImports(code: string, exported: string[]): string {
  const imported = new Set([...code.matchAll(/import\s*(?:type\s*)?\{([^}]*)\}\s*from/g)].flatMap(([, list]) => list!.split(',').map((n) => n.trim().split(/\s+as\s+/).pop()!)));
  const declared = new Set([...code.matchAll(/\b(?:const|let|var|function|class|interface|type)\s+(\w+)/g)].map(([, name]) => name!));
  const missing = exported.filter((name) => !imported.has(name) && !declared.has(name) && new RegExp(`\\b${name}\\b`).test(code));
  const header = missing.length ? `import { ${missing.join(', ')} } from 'isotrack';\n` : '';
  return `${header}${code}\nexport {};\n`;
}

/** The files of the `readme/` folder: one module per block, the prelude and a strict node16 ESM tsconfig. */
export function readmeFiles(markdown: string, tsconfig: (options: Record<string, unknown>, include?: string[]) => string): Record<string, string> {
  const exported = packageNames();
  const files: Record<string, string> = {
    'readme/package.json': JSON.stringify({ type: 'module' }),
    'readme/tsconfig.json': tsconfig({ target: 'es2022', lib: ['es2022', 'dom'], types: ['node'], module: 'node16', moduleResolution: 'node16' }, ['*.ts']),
    'readme/prelude.d.ts': PRELUDE,
  };
  for (const { line, code } of readmeBlocks(markdown)) files[`readme/readme-line-${line}.ts`] = withImports(code, exported);
  return files;
}
