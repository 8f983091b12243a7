// The built `isotrack-collector` bin (dist/collector-cli.js), run as users run it.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../../collector/dist/collector-cli.js', import.meta.url));

describe('isotrack-collector', () => {
  it('is built (run `npm run build` first)', () => {
    expect(existsSync(CLI)).toBe(true);
  });

  it('documents every flag in --help', () => {
    const result = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    for (const flag of ['--port', '--host', '--schemas', '--lax', '--path', '--max-events', '--quiet', '--help']) {
      expect(result.stdout).toContain(flag);
    }
    expect(result.stdout).toContain('Default: 9090');
    expect(result.stdout).toContain('Repeat');
  });

  it('refuses an unknown flag with exit code 2', () => {
    const result = spawnSync(process.execPath, [CLI, '--prot', '1'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("Unknown option '--prot'");
    expect(result.stderr).toContain('Usage: isotrack-collector');
  });

  it('starts, serves, logs events and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [CLI, '--port', '0', '--path', '/com.acme/v1', '--lax'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: string) => {
        stdout += chunk;
        const match = /listening on (http:\/\/\S+)/.exec(stdout);
        if (match?.[1]) resolve(match[1]);
      });
      child.on('exit', (code) => reject(new Error(`exited with ${String(code)} before listening: ${stdout}`)));
    });
    expect(stdout).toContain('/com.acme/v1');
    expect(stdout).toContain(`${url}/micro/ui`);
    await fetch(`${url}/i?e=pv&p=web&tv=cli-test`);
    await fetch(`${url}/i?e=xx&p=web&tv=cli-test`);
    expect(await (await fetch(`${url}/micro/all`)).json()).toEqual({ total: 2, good: 1, bad: 1 });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stdout).toContain('good  pv  page_view');
    expect(stdout).toContain('bad   event type e="xx" is not recognised');
  });
});
