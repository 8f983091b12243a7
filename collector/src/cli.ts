#!/usr/bin/env node
/** `isotrack-collector`: runs the dev collector from a terminal. */
import { parseArgs } from 'node:util';
import { CLI_DEFAULT_PORT, startCollector } from './index.js';
import type { EventListener } from './index.js';

const HELP = `Usage: isotrack-collector [options]

A development collector for the Snowplow tracker protocol. It validates every
event the way the Snowplow pipeline does and shows the results at /micro/ui
and through a Snowplow Micro compatible API (/micro/all, /micro/good, ...).

Options:
  --port <n>         Port to listen on; 0 picks a free one. Default: ${CLI_DEFAULT_PORT}
  --host <addr>      Address to bind. Default: 127.0.0.1 (use 0.0.0.0 to allow
                     other devices on the network)
  --schemas <dir>    Folder of extra Iglu schemas (vendor/name/jsonschema/M-R-A).
                     Repeat for several folders; they are searched in order,
                     before the schemas bundled with isotrack.
  --lax              Accept events and entities whose schema cannot be found
                     (schemas that are found are still enforced). Default: off
  --path <p>         Extra POST path accepting tracker-protocol 2 bodies, for a
                     tracker with a custom postPath, e.g. /com.acme/v1. Repeat
                     for several. /com.snowplowanalytics.snowplow/tp2 is always on.
  --max-events <n>   Good events and bad events kept in memory, each. Default: 10000
  --quiet            Do not print a line per event.
  -h, --help         Show this help and exit.
`;

function fail(message: string): never {
  process.stderr.write(`isotrack-collector: ${message}\n\n${HELP}`);
  process.exit(2);
}

function integer(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) fail(`--${name} needs a whole number, got "${value}"`);
  return Number(value);
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        schemas: { type: 'string', multiple: true },
        lax: { type: 'boolean' },
        path: { type: 'string', multiple: true },
        'max-events': { type: 'string' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  const { values } = parsed;
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }

  const log: EventListener = (record) => {
    if ('good' in record) {
      const { good } = record;
      const what = good.schema ?? good.eventType;
      process.stdout.write(`good  ${String(good.rawEvent.parameters.e)}  ${what}\n`);
    } else {
      process.stdout.write(`bad   ${record.bad.errors.join('\n      ')}\n`);
    }
  };

  let collector;
  try {
    collector = await startCollector({
      port: integer('port', values.port) ?? CLI_DEFAULT_PORT,
      ...(values.host !== undefined && { host: values.host }),
      ...(values.schemas !== undefined && { schemaDirs: values.schemas }),
      ...(values.path !== undefined && { paths: values.path }),
      ...(values['max-events'] !== undefined && { maxEvents: integer('max-events', values['max-events']) }),
      lax: values.lax ?? false,
      ...(!values.quiet && { onEvent: log }),
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(
      code === 'EADDRINUSE'
        ? `isotrack-collector: port ${values.port ?? CLI_DEFAULT_PORT} is in use; pick another with --port\n`
        : `isotrack-collector: ${message}\n`,
    );
    process.exit(1);
  }

  process.stdout.write(
    [
      `isotrack collector listening on ${collector.url}`,
      `  events page:  ${collector.url}/micro/ui`,
      `  POST paths:   ${collector.paths.join(', ')}   GET: /i`,
      `  schemas from: ${collector.schemaDirs.join(', ')}`,
      values.lax ? '  lax: events with unknown schemas are accepted' : '',
      '',
    ]
      .filter((line, index, all) => line !== '' || index === all.length - 1)
      .join('\n'),
  );

  const stop = (): void => {
    void collector.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
