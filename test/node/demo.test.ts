// Issue 22: `npm run demo`, then open the events page as the README says. Run in a
// terminal (a pseudo-terminal from util-linux `script`), the demo keeps the collector
// running until Ctrl+C and says so before the summary; outside one, it names `--keep` first.
import { spawn, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const DEMO = 'node scripts/demo.mjs';

describe('npm run demo', () => {
  it('in a terminal: the events page is still served after the summary, until Ctrl+C', async () => {
    // `script` gives the demo a terminal; its output arrives through this pipe. `script`
    // runs the command through $SHELL: `exec` makes the demo the terminal's foreground
    // process itself, as under an interactive shell, whatever $SHELL is (dash, as
    // /bin/sh, would otherwise stay in between and die of the Ctrl+C with 130).
    const child = spawn('script', ['-qfec', `exec ${DEMO}`, '/dev/null'], {
      cwd: root,
      env: { ...process.env, SHELL: '/bin/sh' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.setEncoding('utf8');
    const page = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: string) => {
        out += chunk;
        const match = /The collector keeps running: open (\S+); press Ctrl\+C to stop\./.exec(out);
        if (match) resolve(match[1]!);
      });
      child.on('exit', () => reject(new Error(`demo exited:\n${out}`)));
    });
    expect(out.indexOf('press Ctrl+C to stop it')).toBeLessThan(out.indexOf('Example tracked'));
    expect(out).toMatch(/OK: all \d+ example events arrived and are valid\./);
    const response = await fetch(page);
    expect(response.status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Ctrl+C in the terminal.
    child.stdin.write('\x03');
    expect(await exited).toBe(0);
  }, 120_000);

  it('not in a terminal (CI): the --keep hint comes first, and the demo stops after the summary', () => {
    const result = spawnSync(process.execPath, ['scripts/demo.mjs'], { cwd: root, encoding: 'utf8', timeout: 110_000 });
    expect(result.status).toBe(0);
    const hint = result.stdout.indexOf('`npm run demo -- --keep` keeps it running for the events page');
    expect(hint).toBeGreaterThan(-1);
    expect(hint).toBeLessThan(result.stdout.indexOf('Example tracked'));
  }, 120_000);
});
