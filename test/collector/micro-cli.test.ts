// The built `isotrack-collector` started the ways Snowplow Micro is: --iglu, the
// MICRO_IGLU_* environment variables, --output-json and --output-tsv; and whatever a sender
// puts in an event never reaches the terminal as a control sequence.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { WEB_PAGE, b64url, contexts, event, getEvent, linkClick, postEvents, sdj, unstruct } from './helpers.js';

const CLI = fileURLToPath(new URL('../../collector/dist/collector-cli.js', import.meta.url));
const TSV_COLUMNS = JSON.parse(readFileSync(new URL('./micro-3.0/enriched-tsv-columns.json', import.meta.url), 'utf8')) as { columns: string[] };

interface Cli {
  url: string;
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves once stdout holds `count` lines. */
  lines: (count: number) => Promise<string[]>;
}

const running: ChildProcess[] = [];
afterEach(() => {
  for (const child of running.splice(0)) child.kill('SIGTERM');
});

/** Starts the CLI; the URL is read from whichever stream carries the start banner. */
function startCli(args: string[], env: Record<string, string> = {}): Promise<Cli> {
  const child = spawn(process.execPath, [CLI, '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  running.push(child);
  let out = '';
  let err = '';
  const waiters: (() => void)[] = [];
  child.stdout?.setEncoding('utf8');
  child.stderr?.setEncoding('utf8');
  child.stdout?.on('data', (chunk: string) => ((out += chunk), waiters.forEach((wake) => wake())));
  child.stderr?.on('data', (chunk: string) => ((err += chunk), waiters.forEach((wake) => wake())));
  const until = <T>(test: () => T | undefined): Promise<T> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        const value = test();
        if (value !== undefined) resolve(value);
      };
      waiters.push(check);
      child.once('exit', (code) => reject(new Error(`exited with ${String(code)}: ${out}${err}`)));
      check();
    });
  return until(() => /listening on (http:\/\/\S+)/.exec(out + err)?.[1]).then((url) => ({
    url,
    child,
    stdout: () => out,
    stderr: () => err,
    lines: (count) => until(() => {
      const lines = out.split('\n').filter((line) => line !== '');
      return lines.length >= count ? lines : undefined;
    }),
  }));
}

// Control characters other than the line break that ends each line.
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

describe('terminal output', () => {
  it('escapes every control character a sender put in an event', async () => {
    const cli = await startCli(['--lax']);
    // C1 CSI (U+009B) survives JSON quoting; ESC, BEL and OSC sequences are here too.
    await getEvent(cli.url, { e: '\u009b2J\u001b]0;owned\u0007\u001b[32mgood', p: 'web', tv: 't' });
    await getEvent(cli.url, { e: 'pv', p: 'web', tv: 't', aid: '\u001b[2J' });
    await postEvents(cli.url, [event({ e: 'ue', ue_pr: JSON.stringify(unstruct(sdj('iglu:com.acme/x\u009b31m/jsonschema/1-0-0', {}))) })]);
    await postEvents(cli.url, [event()]);
    await cli.lines(5);
    expect(cli.stdout()).not.toMatch(CONTROL);
    expect(cli.stdout()).toContain('\\x9b2J');
  });
});

describe('--output-json, --output-tsv', () => {
  const track = async (url: string): Promise<void> => {
    await postEvents(url, [
      event({ e: 'pv', aid: 'shop', page: 'Cart', cx: b64url(contexts(sdj(WEB_PAGE, { id: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' }))) }),
      event({ e: 'ue', aid: 'shop', ue_px: b64url(unstruct(linkClick())) }),
      event({ e: 'xx', aid: 'shop' }), // failed: printed as its incomplete event, as Micro does
    ]);
  };

  it('prints one JSON line per good event, entities under their schema\'s key, messages on stderr', async () => {
    const cli = await startCli(['--output-json']);
    expect(cli.stderr()).toContain('listening on');
    await track(cli.url);
    const [view, click, failed, ...rest] = (await cli.lines(3)).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(rest).toEqual([]);
    expect(failed).toMatchObject({ app_id: 'shop', event: 'xx' });
    expect(failed?.contexts_com_snowplowanalytics_snowplow_failure_1).toEqual([
      expect.objectContaining({ failureType: 'ValidationError', errors: [expect.objectContaining({ message: expect.stringContaining('e="xx"') })] }),
    ]);
    expect(view).toMatchObject({ app_id: 'shop', event: 'page_view', page_title: 'Cart' });
    expect(view?.contexts_com_snowplowanalytics_snowplow_web_page_1).toEqual([{ id: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' }]);
    expect(view).not.toHaveProperty('contexts');
    expect(click?.unstruct_event_com_snowplowanalytics_snowplow_link_click_1).toEqual(linkClick().data);
    expect(click).toMatchObject({ event: 'unstruct', event_name: 'link_click', event_vendor: 'com.snowplowanalytics.snowplow' });
  });

  it('prints the enriched TSV line, in the pipeline\'s column order', async () => {
    const cli = await startCli(['-t', '--quiet']);
    await track(cli.url);
    const [view, click, failed] = (await cli.lines(3)).map((line) => line.split('\t'));
    const column = (row: string[] | undefined, name: string): string | undefined => row?.[TSV_COLUMNS.columns.indexOf(name)];
    expect(failed?.length).toBe(131);
    expect(JSON.parse(column(failed, 'derived_contexts') ?? 'null').data[0].schema).toBe('iglu:com.snowplowanalytics.snowplow/failure/jsonschema/1-0-0');
    expect(view?.length).toBe(131);
    expect(click?.length).toBe(131);
    expect(column(view, 'app_id')).toBe('shop');
    expect(column(view, 'platform')).toBe('web');
    expect(column(view, 'event')).toBe('page_view');
    expect(column(view, 'page_title')).toBe('Cart');
    expect(column(view, 'collector_tstamp')).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}$/);
    expect(JSON.parse(column(view, 'contexts') ?? 'null')).toEqual(contexts(sdj(WEB_PAGE, { id: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' })));
    expect(JSON.parse(column(click, 'unstruct_event') ?? 'null')).toEqual(unstruct(linkClick()));
    expect(column(click, 'event_name')).toBe('link_click');
    expect(column(view, 'derived_contexts')).toBe('');
  });

  it('refuses both at once', async () => {
    await expect(startCli(['-j', '-t'])).rejects.toThrow(/cannot be used together/);
  });
});

describe('Iglu registries the Micro way', () => {
  const SCHEMA = {
    $schema: 'http://iglucentral.com/schemas/com.snowplowanalytics.self-desc/schema/jsonschema/1-0-0#',
    self: { vendor: 'com.acme', name: 'checkout', format: 'jsonschema', version: '1-0-0' },
    type: 'object',
    properties: { total: { type: 'number' } },
    required: ['total'],
  };

  async function registry(apikey: string): Promise<{ url: string; keys: (string | undefined)[]; close: () => void }> {
    const keys: (string | undefined)[] = [];
    const server = createServer((req, res) => {
      keys.push(req.headers.apikey as string | undefined);
      if (req.url === '/api/schemas/com.acme/checkout/jsonschema/1-0-0' && req.headers.apikey === apikey) {
        res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(SCHEMA));
      } else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`, keys, close: () => server.close() };
  }

  const checkout = (total: unknown) => event({ e: 'ue', ue_pr: JSON.stringify(unstruct(sdj('iglu:com.acme/checkout/jsonschema/1-0-0', { total }))) });

  it('reads MICRO_IGLU_REGISTRY_URL and MICRO_IGLU_API_KEY', async () => {
    const iglu = await registry('secret-key');
    try {
      const cli = await startCli(['--quiet'], { MICRO_IGLU_REGISTRY_URL: iglu.url, MICRO_IGLU_API_KEY: 'secret-key' });
      await postEvents(cli.url, [checkout(12), checkout('twelve')]);
      expect(await (await fetch(`${cli.url}/micro/all`)).json()).toEqual({ total: 2, good: 1, bad: 1 });
      const schema = await fetch(`${cli.url}/micro/iglu/com.acme/checkout/jsonschema/1-0-0`);
      expect(schema.status).toBe(200);
      expect(await schema.json()).toEqual(SCHEMA);
      expect(iglu.keys).toContain('secret-key');
    } finally {
      iglu.close();
    }
  });

  it('reads a resolver config with --iglu (and -i)', async () => {
    const iglu = await registry('k');
    const folder = mkdtempSync(join(tmpdir(), 'isotrack-iglu-'));
    const file = join(folder, 'iglu.json');
    writeFileSync(file, JSON.stringify({
      schema: 'iglu:com.snowplowanalytics.iglu/resolver-config/jsonschema/1-0-1',
      data: { cacheSize: 500, repositories: [{ name: 'Acme', priority: 0, vendorPrefixes: ['com.acme'], connection: { http: { uri: iglu.url, apikey: 'k' } } }] },
    }));
    try {
      for (const flag of ['--iglu', '-i']) {
        const cli = await startCli(['--quiet', flag, file]);
        await postEvents(cli.url, [checkout(1)]);
        expect(await (await fetch(`${cli.url}/micro/all`)).json()).toEqual({ total: 1, good: 1, bad: 0 });
        cli.child.kill('SIGTERM');
      }
    } finally {
      iglu.close();
    }
  });
});
