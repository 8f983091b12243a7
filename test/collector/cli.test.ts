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

  it('documents every flag in --help, each with its default', () => {
    const result = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    const flags = [
      '--port', '--host', '--schemas', '--resolver', '--registry-timeout', '--plan', '--lax', '--path', '--allow-origin',
      '--max-events', '--max-bytes', '--max-body-bytes', '--max-connections', '--headers-timeout',
      '--request-timeout', '--keep-alive-timeout', '--idle-timeout', '--quiet', '--max-events-per-request', '--max-page-bytes',
      '--response-timeout',
    ];
    // Each option's entry runs from its flag to the next flag; each must state a default.
    const entries = result.stdout.split(/\n(?=  -)/).filter((entry) => entry.trimStart().startsWith('--'));
    for (const flag of flags) {
      const entry = entries.find((text) => text.trimStart().startsWith(`${flag} `));
      expect(entry, flag).toBeDefined();
      expect(entry, flag).toMatch(/Default: \S/);
    }
    expect(entries.length).toBe(flags.length);
    expect(result.stdout).toContain('Default: 9090');
    expect(result.stdout).toContain('-v, --version');
    // Snowplow Micro's flags and environment variables are there too.
    for (const micro of ['-i, --iglu <file>', '-j, --output-json', '-t, --output-tsv', 'MICRO_IGLU_REGISTRY_URL', 'MICRO_IGLU_API_KEY']) {
      expect(result.stdout).toContain(micro);
    }
  });

  it('prints its version', () => {
    const result = spawnSync(process.execPath, [CLI, '--version'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^isotrack-collector \d+\.\d+\.\d+\n$/);
  });

  it('refuses a --schemas folder that does not exist, saying which', () => {
    const result = spawnSync(process.execPath, [CLI, '--port', '0', '--schemas', './no-such-folder'], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('isotrack-collector: schema folder ./no-such-folder does not exist\n');
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
    expect(stdout).toContain('bound to:     127.0.0.1 (this machine only');
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
