// Issue 22: the README's Node example, run against the dev collector started with the
// command the README gives, arrives good; without `--schemas` it is bad, as the README says.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { nodeEntry, runScript } from './helpers/child.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const CLI = `${root}collector/dist/collector-cli.js`;
const readme = readFileSync(`${root}README.md`, 'utf8');
const section = (title: string) => readme.slice(readme.indexOf(title), readme.indexOf('\n#', readme.indexOf(title) + title.length));

let entry = '';
beforeAll(async () => {
  entry = await nodeEntry();
}, 60_000);

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGTERM');
});

/** Starts `npx isotrack-collector <args>` as written, on a free port; resolves with its URL. */
function startCli(args: string[]): Promise<string> {
  const child = spawn(process.execPath, [CLI, ...args, '--port', '0'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  child.stdout!.setEncoding('utf8');
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => (out += chunk));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: string) => {
      out += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.on('exit', (code) => reject(new Error(`collector exited ${String(code)}: ${out}`)));
  });
}

/** The README's Node example as a user copies it, pointed at `url` (as the README says to). */
function readmeNodeExample(url: string): string {
  const block = /```ts\n([\s\S]*?)```/.exec(section('### Node'))![1]!;
  expect(block).toContain("new Emitter('collector.example.com')");
  return block.replace("'collector.example.com'", JSON.stringify(url)).replace("from 'isotrack'", `from ${JSON.stringify(entry)}`);
}

describe("the README's Node example against the dev collector", () => {
  it('with the command the README gives, its event arrives good', async () => {
    const command = /npx isotrack-collector (--schemas examples\/node\/schemas)`/.exec(section('### Node'));
    expect(command, 'the Node section names the collector command').not.toBeNull();
    expect(section('## Dev collector')).toContain('npx isotrack-collector --schemas examples/node/schemas');
    const url = await startCli(command![1]!.split(' '));
    const result = await runScript(readmeNodeExample(url), {}, 30_000);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^tracked [0-9a-f-]{36}\n$/);
    expect(await (await fetch(`${url}/micro/all`)).json()).toEqual({ total: 1, good: 1, bad: 0 });
  });

  it('without --schemas: bad, with the message the README quotes', async () => {
    const url = await startCli([]);
    await runScript(readmeNodeExample(url), {}, 30_000);
    const bad = (await (await fetch(`${url}/micro/bad`)).json()) as { errors: string[] }[];
    expect(bad).toHaveLength(1);
    expect(bad[0]!.errors.join('\n')).toContain('schema iglu:com.acme/checkout/jsonschema/1-0-0 not found');
    expect(section('### Node')).toContain('`schema iglu:com.acme/checkout/jsonschema/1-0-0 not found`');
  });

  it('examples/node/quick-start.mjs is the same code', () => {
    const example = readFileSync(`${root}examples/node/quick-start.mjs`, 'utf8');
    const block = /```ts\n([\s\S]*?)```/.exec(section('### Node'))![1]!;
    const code = (text: string) =>
      text
        .split('\n')
        .map((line) => line.replace(/\s*\/\/.*$/, '').trim())
        .filter((line) => line && !line.includes('new Emitter('));
    expect(code(example)).toEqual(code(block));
  });
});
