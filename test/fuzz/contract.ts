// The SDK's contract with its callers, checked against the dev collector: every
// call either throws isotrack's own TypeError at once, or produces events that the
// collector (which validates as the pipeline does) classifies good. Nothing else: no
// other exception, no event the pipeline rejects.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { startCollector } from '@isotrack/collector';
// The collector's own reading of an Iglu URI: what its schema repository can hold.
import { keyPath, parseIgluUri } from '../../collector/src/schema-key.js';
import { Emitter, Subject, Tracker, trackConsentGranted, trackConsentWithdrawn, trackError, type DropReason, type EventSink, type SerializedEvent } from '../../src/index.node.js';
import { call, drawnSchemas, type Call } from './arbitraries.js';

const FUNCTIONS: Record<string, (tracker: Tracker, arg: never) => string> = { trackError, trackConsentGranted, trackConsentWithdrawn };

/**
 * A schema repository that takes any object under every URI the generators drew and the
 * collector can parse: the URI's shape and the data's nesting are then all that is at
 * stake for those events (the collector enforces its bundled schemas for the others).
 */
function schemaRepository() {
  const root = mkdtempSync(join(tmpdir(), 'isotrack-fuzz-schemas-'));
  const written = new Set<string>();
  const add = (uri: string) => {
    if (written.has(uri)) return;
    written.add(uri);
    const key = parseIgluUri(uri);
    if (!key) return;
    const file = join(root, keyPath(key));
    if (existsSync(file)) return;
    mkdirSync(dirname(file), { recursive: true });
    const self = { vendor: key.vendor, name: key.name, format: key.format, version: key.version };
    writeFileSync(file, JSON.stringify({ $schema: 'http://iglucentral.com/schemas/com.snowplowanalytics.self-desc/schema/jsonschema/1-0-0#', self, type: 'object' }));
  };
  add('iglu:com.acme.fuzz/any/jsonschema/1-0-0'); // the collector wants a folder that holds a schema
  return { root, addDrawn: () => drawnSchemas.forEach(add), remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** A request that failed, as `onFailure` told it. */
export interface Failure {
  method: string;
  status: number;
  cause: string;
  /** Length of the failed events' JSON. */
  chars: number;
}

export interface FuzzFigures {
  calls: number;
  typeErrors: number;
  /** Events the tracker produced (a transaction with items produces several). */
  events: number;
  good: number;
  bad: number;
  /** Events dropped as unsendable (GET only: text that cannot be put in a URL). */
  unsendable: number;
  /** Event sends that failed and were retried (timeouts on a busy machine). */
  retried: number;
  /** Requests that failed for good (`onFailure` with `willRetry: false`). */
  failures: Failure[];
  /** The first few errors of bad events, to say what went wrong. */
  badErrors: string[];
}

const isIsotrackTypeError = (error: unknown) => error instanceof TypeError && error.message.startsWith('isotrack: ');

/** Runs `runs` calls drawn with `seed`; throws (with the shrunk call) when the contract breaks at the call. */
export async function fuzz(seed: number, runs: number): Promise<FuzzFigures & { eids: string[]; goodEids: Set<string> }> {
  const goodEids = new Set<string>();
  const badErrors: string[] = [];
  let bad = 0;
  const schemas = schemaRepository();
  const collector = await startCollector({
    port: 0,
    schemaDirs: [schemas.root],
    maxEvents: 10,
    onEvent: (record) => {
      if ('good' in record) goodEids.add(record.good.rawEvent.parameters.eid!);
      else (bad++, badErrors.length < 10 && badErrors.push(...record.bad.errors));
    },
  });
  let events = 0, unsendable = 0, typeErrors = 0, calls = 0, retried = 0;
  const eids: string[] = [];
  const failures: Failure[] = [];
  const emitters: Emitter[] = [];
  const onDrop = (count: number, reason: DropReason) => {
    if (reason != 'unsendable') throw new Error(`unexpected drop: ${count} ${reason}`);
    unsendable += count;
  };
  // POST with base64, POST as JSON text, and GET: each encodes events differently.
  const trackers = [
    { method: 'post', encodeBase64: true },
    { method: 'post', encodeBase64: false },
    { method: 'get', encodeBase64: true },
  ].map(({ method, encodeBase64 }) => {
    const emitter = new Emitter(collector.url, {
      method: method as 'post' | 'get',
      onDrop,
      maxQueueEvents: 1_000_000,
      // Retried failures (a timeout on a busy machine) end in delivery or in a final failure.
      onFailure: (_, failed, info) => {
        if (info.willRetry) retried += failed.length;
        else failures.push({ method, status: info.status, cause: info.cause, chars: JSON.stringify(failed).length });
      },
    });
    emitters.push(emitter);
    const sink: EventSink = {
      input: (event: SerializedEvent) => (events++, emitter.input(event)),
      flush: (options) => emitter.flush(options),
    };
    return new Tracker(sink, { encodeBase64, appId: 'fuzz' });
  });

  const attempt = (which: number, c: Call) => {
    calls++;
    const tracker = trackers[which]!;
    schemas.addDrawn();
    try {
      if (c.kind == 'function') {
        eids.push(FUNCTIONS[c.method]!(tracker, c.arg as never));
      } else if (c.kind == 'track') {
        eids.push((tracker as unknown as Record<string, (arg: unknown) => string>)[c.method]!(c.arg));
      } else {
        const subject = new Subject();
        (subject as unknown as Record<string, (...args: unknown[]) => unknown>)[c.method]!(...c.args);
        eids.push(tracker.trackStructEvent({ category: 'subject', action: c.method, subject }));
      }
    } catch (error) {
      if (!isIsotrackTypeError(error)) throw error;
      typeErrors++;
    }
  };

  try {
    fc.assert(
      fc.property(fc.nat(2), call, (which, c) => {
        attempt(which, c);
      }),
      { seed, numRuns: runs },
    );
    // Everything produced is delivered or reported unsendable.
    for (const emitter of emitters) await emitter.close({ timeout: 60_000 });
    return { calls, typeErrors, events, good: goodEids.size, bad, unsendable, retried, badErrors, failures, eids, goodEids };
  } finally {
    await collector.close();
    schemas.remove();
  }
}
