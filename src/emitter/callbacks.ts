import type { Payload, SerializedEvent } from '../core/types.js';

/** Parses events for a callback; only called when one is set, so the hot path never parses. */
export function toPayloads(events: readonly SerializedEvent[]): Payload[] {
  return events.map((event) => {
    try {
      return JSON.parse(event.json) as Payload;
    } catch {
      return { eid: event.eid };
    }
  });
}

/** Runs a user callback; its exceptions are reported and never reach the delivery loop. */
export function safely(name: string, run: () => void): void {
  try {
    run();
  } catch (error) {
    warn(`isotrack: ${name} callback threw`, error);
  }
}

/** A console warning, where a console exists. */
export function warn(...args: [message: string, detail?: unknown]): void {
  try {
    (globalThis as { console?: { warn?: (...args: unknown[]) => void } }).console?.warn?.(...args);
  } catch {
    // A broken console must not break delivery either.
  }
}
