import type { EventSink, Payload, SerializedEvent } from '../../src/core/index.js';
import type { FlushResult } from '../../src/emitter/index.js';

/** An EventSink that keeps what the tracker hands it, for tests of the core alone. */
export class CollectingSink implements EventSink {
  readonly events: SerializedEvent[] = [];
  input(event: SerializedEvent): void {
    this.events.push(event);
  }
  async flush(): Promise<FlushResult> {
    return { ok: true, timedOut: false, failed: 0, queued: 0, inFlight: 0 };
  }
  payloads(): Payload[] {
    return this.events.map((e) => JSON.parse(e.json) as Payload);
  }
  last(): Payload {
    const all = this.payloads();
    return all[all.length - 1]!;
  }
}

/** Decodes URL-safe base64 without padding, as the collector does. */
export function decodeBase64Url(text: string): string {
  return Buffer.from(text, 'base64url').toString('utf8');
}
