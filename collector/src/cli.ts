#!/usr/bin/env node
/** `isotrack-collector`: runs the dev collector from a terminal. */
import { parseArgs } from 'node:util';
import { CLI_DEFAULT_PORT, startCollector } from './index.js';
import type { CollectorOptions, EventListener } from './index.js';
import { incompleteEvent } from './micro-events.js';
import { toLossyJson, toTsvLine } from './micro-output.js';
import { DEFAULTS } from './options.js';
import { printable, printableJson } from './terminal-text.js';
import { COLLECTOR_VERSION } from './version.js';

const HELP = `Usage: isotrack-collector [options]

A development collector for the Snowplow tracker protocol. It validates every
event the way the Snowplow pipeline does and shows the results at /micro/ui
and through a Snowplow Micro compatible API (/micro/all, /micro/good, ...).

Options:
  --port <n>             Port to listen on; 0 picks a free one. Default: ${CLI_DEFAULT_PORT}
  --host <addr>          Address to bind. Default: 127.0.0.1 (use 0.0.0.0 to allow
                         other devices on the network)
  --schemas <dir>        Folder of extra Iglu schemas (vendor/name/jsonschema/M-R-A).
                         Repeat for several folders; they are searched in order,
                         before the schemas bundled with isotrack. Default: none
  --resolver <file>      Iglu resolver config (the JSON Enrich and Micro read); its
                         http registries are asked for schemas not found locally.
                         -i, --iglu <file> is the same (Snowplow Micro's name).
                         Default: none
  --registry-timeout <ms> Time an Iglu registry has to answer. Default: ${DEFAULTS.registryTimeoutMs}
  --plan <file>          An isotrack-codegen plan (isotrack.codegen.json): the events
                         page and /micro/plan show each planned schema's good and bad
                         events and which were never seen; its schema folders are used
                         too. Default: none
  --lax                  Accept events and entities whose schema cannot be found
                         (schemas that are found are still enforced). Default: off
  --path <p>             Extra POST path accepting tracker-protocol 2 bodies, for a
                         tracker with a custom postPath, e.g. /com.acme/v1. Repeat
                         for several. /com.snowplowanalytics.snowplow/tp2 is always on.
                         Default: none
  --allow-origin <o>     Origin whose pages may read /micro/* (e.g.
                         http://localhost:5173); repeat for several, or * for any.
                         Default: none (only the collector's own page, and tools
                         such as curl that send no Origin)
  --max-events <n>       Good events and bad events kept in memory, each. Default: ${DEFAULTS.maxEvents}
  --max-bytes <n>        Memory for stored events, in bytes (estimated); the oldest
                         go first. Default: ${DEFAULTS.maxBytes} (32 MiB)
  --max-body-bytes <n>   Largest request body; bigger ones get 413. Default: ${DEFAULTS.maxBodyBytes}
  --max-events-per-request <n> Events one request may carry; more get 413. Default: ${DEFAULTS.maxEventsPerRequest}
  --max-page-bytes <n>   JSON one page of /micro/good, /bad, /events carries at most.
                         Default: ${DEFAULTS.maxPageBytes} (32 MiB)
  --max-connections <n>  Open connections at most; idle ones make room. Default: ${DEFAULTS.maxConnections}
  --headers-timeout <ms> Time a client has to send its headers. Default: ${DEFAULTS.headersTimeoutMs}
  --request-timeout <ms> Time a client has to send a whole request. Default: ${DEFAULTS.requestTimeoutMs}
  --keep-alive-timeout <ms> Idle time before a kept-alive connection closes. Default: ${DEFAULTS.keepAliveTimeoutMs}
  --idle-timeout <ms>    Time a silent connection is kept. Default: ${DEFAULTS.idleTimeoutMs}
  --response-timeout <ms> Time a client may leave its answer unread. Default: ${DEFAULTS.responseTimeoutMs}
  --quiet                Do not print a line per event. Default: off
  -j, --output-json      Print each good (and incomplete) event on stdout as one line
                         of JSON, as Micro does (messages go to stderr). Default: off
  -t, --output-tsv       Print each good (and incomplete) event on stdout as its
                         enriched TSV line (131 columns, the pipeline's order). Default: off

Environment (as Snowplow Micro reads them):
  MICRO_IGLU_REGISTRY_URL  One more Iglu registry, e.g. https://iglu.example.com/api
  MICRO_IGLU_API_KEY       Its API key
  -v, --version          Print the version and exit.
  -h, --help             Show this help and exit.
`;

// Numeric flags and the option each sets.
const NUMBERS = {
  'max-events': 'maxEvents',
  'max-bytes': 'maxBytes',
  'max-body-bytes': 'maxBodyBytes',
  'max-connections': 'maxConnections',
  'headers-timeout': 'headersTimeoutMs',
  'request-timeout': 'requestTimeoutMs',
  'keep-alive-timeout': 'keepAliveTimeoutMs',
  'idle-timeout': 'idleTimeoutMs',
  'registry-timeout': 'registryTimeoutMs',
  'max-events-per-request': 'maxEventsPerRequest',
  'max-page-bytes': 'maxPageBytes',
  'response-timeout': 'responseTimeoutMs',
} as const satisfies Record<string, keyof CollectorOptions>;

function fail(message: string): never {
  process.stderr.write(`isotrack-collector: ${printable(message)}\n\n${HELP}`);
  process.exit(2);
}

function integer(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) fail(`--${name} needs a whole number, got "${value}"`);
  return Number(value);
}

function parse() {
  const numbers = Object.fromEntries(Object.keys(NUMBERS).map((name) => [name, { type: 'string' as const }]));
  try {
    return parseArgs({
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        schemas: { type: 'string', multiple: true },
        resolver: { type: 'string' },
        iglu: { type: 'string', short: 'i' },
        'output-json': { type: 'boolean', short: 'j' },
        'output-tsv': { type: 'boolean', short: 't' },
        lax: { type: 'boolean' },
        plan: { type: 'string' },
        path: { type: 'string', multiple: true },
        'allow-origin': { type: 'string', multiple: true },
        ...numbers,
        quiet: { type: 'boolean' },
        version: { type: 'boolean', short: 'v' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }).values as Record<string, string | string[] | boolean | undefined>;
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
}

/** Where messages for people go: stdout, unless stdout carries events for a program (--output-*). */
let say = (line: string): void => void process.stdout.write(`${line}\n`);

// Every line is made printable: event fields and errors carry whatever a sender put in them.
const log: EventListener = (record) => {
  if ('good' in record) {
    const { good } = record;
    const what = good.eventType === 'unstruct' ? (good.schema ?? good.eventType) : good.eventType;
    say(printable(`good  ${String(good.rawEvent.parameters.e)}  ${what}`));
  } else {
    say(`bad   ${record.bad.errors.map(printable).join('\n      ')}`);
  }
};

/**
 * `--output-json` / `--output-tsv`: one event a line on stdout, as Micro prints them: good
 * events, and failed events as their incomplete event (with the failure entity).
 */
function outputFor(format: 'json' | 'tsv'): EventListener {
  return (record) => {
    if (!('good' in record) && !record.bad.rawEvent) return;
    const event = 'good' in record ? record.good.event : incompleteEvent(record.bad);
    const line = format === 'json' ? printableJson(JSON.stringify(toLossyJson(event))) : toTsvLine(event).split('\t').map(printable).join('\t');
    process.stdout.write(`${line}\n`);
  };
}

async function main(): Promise<void> {
  const values = parse();
  if (values.help) return void process.stdout.write(HELP);
  if (values.version) return void process.stdout.write(`isotrack-collector ${COLLECTOR_VERSION}\n`);

  if (values['output-json'] && values['output-tsv']) fail('--output-json and --output-tsv cannot be used together');
  if (typeof values.iglu === 'string' && typeof values.resolver === 'string') fail('--iglu and --resolver name the same file; give one');
  const format = values['output-json'] ? 'json' : values['output-tsv'] ? 'tsv' : undefined;
  if (format) say = (line) => void process.stderr.write(`${line}\n`);
  const resolver = typeof values.iglu === 'string' ? values.iglu : values.resolver;
  const registryUrl = process.env.MICRO_IGLU_REGISTRY_URL;
  const listeners = [...(!values.quiet ? [log] : []), ...(format ? [outputFor(format)] : [])];
  const options: CollectorOptions = {
    port: integer('port', values.port as string | undefined) ?? CLI_DEFAULT_PORT,
    lax: values.lax === true,
    ...(typeof values.host === 'string' && { host: values.host }),
    ...(Array.isArray(values.schemas) && { schemaDirs: values.schemas }),
    ...(Array.isArray(values.path) && { paths: values.path }),
    ...(Array.isArray(values['allow-origin']) && { allowOrigins: values['allow-origin'] }),
    ...(typeof resolver === 'string' && { resolver }),
    ...(typeof values.plan === 'string' && { plan: values.plan }),
    ...(registryUrl !== undefined && registryUrl !== '' && { igluRegistry: { uri: registryUrl, apikey: process.env.MICRO_IGLU_API_KEY } }),
    ...(listeners.length > 0 && { onEvent: (record) => listeners.forEach((listener) => listener(record)) }),
  };
  for (const [flag, option] of Object.entries(NUMBERS)) {
    const value = integer(flag, values[flag] as string | undefined);
    if (value !== undefined) options[option] = value;
  }

  let collector;
  try {
    collector = await startCollector(options);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = error instanceof Error ? error.message.replace(/^isotrack collector: /, '') : String(error);
    process.stderr.write(
      code === 'EADDRINUSE'
        ? `isotrack-collector: port ${options.port ?? CLI_DEFAULT_PORT} is in use; pick another with --port\n`
        : `isotrack-collector: ${printable(message)}\n`,
    );
    process.exit(1);
  }

  const host = options.host ?? '127.0.0.1';
  const lines = [
    `isotrack collector ${COLLECTOR_VERSION} listening on ${collector.url}`,
    `  bound to:     ${host}${host === '127.0.0.1' ? ' (this machine only; --host 0.0.0.0 opens it to the network)' : ''}`,
    `  events page:  ${collector.url}/micro/ui`,
    `  POST paths:   ${collector.paths.join(', ')}   GET: /i`,
    `  schemas from: ${collector.schemaDirs.join(', ')}`,
    `  /micro/* readable by: this collector's page, tools without an Origin${options.allowOrigins ? `, ${options.allowOrigins.join(', ')}` : ''}`,
    ...(options.lax ? ['  lax: events with unknown schemas are accepted'] : []),
    ...(options.plan ? [`  plan:         ${options.plan} (coverage on the events page and /micro/plan)`] : []),
    ...collector.warnings.map((warning) => `  warning: ${warning}`),
  ];
  // One write, so that a reader waiting for "listening on" gets the whole banner at once.
  say(lines.map(printable).join('\n'));

  const stop = (): void => {
    void collector.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
