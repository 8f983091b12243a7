import type { SerializedEvent } from '../core/types.js';
import type { EventStore, TakeLimits } from './store.js';

/** Compact only past this many consumed slots, so small queues never copy. */
const COMPACT_AFTER = 4096;

/**
 * The default {@link EventStore}: an array with a moving head. `Array#shift` can be
 * O(n) on large arrays, so consumed slots are cleared and the array is compacted only
 * once they outnumber the live ones, which keeps every operation O(1) amortised.
 * In-flight events are held by the emitter, so this store only keeps waiting ones.
 */
export class MemoryEventStore implements EventStore {
  private items: (SerializedEvent | undefined)[] = [];
  private head = 0;
  private waitingBytes = 0;

  get count(): number {
    return this.items.length - this.head;
  }

  get bytes(): number {
    return this.waitingBytes;
  }

  add(event: SerializedEvent): void {
    this.items.push(event);
    this.waitingBytes += event.bytes;
  }

  take({ count, bytes, overhead }: TakeLimits): SerializedEvent[] {
    const out: SerializedEvent[] = [];
    const items = this.items;
    let used = 0;
    let i = this.head;
    while (i < items.length && out.length < count) {
      const event = items[i]!;
      const cost = event.bytes + overhead;
      if (used + cost > bytes && out.length > 0) break;
      out.push(event);
      items[i] = undefined; // let the string be collected as soon as the batch is done
      used += cost;
      i++;
      if (used >= bytes) break;
    }
    this.head = i;
    this.waitingBytes -= used - overhead * out.length;
    if (this.head == items.length) {
      this.items = [];
      this.head = 0;
    } else if (this.head > COMPACT_AFTER && this.head * 2 > items.length) {
      this.items = items.slice(this.head);
      this.head = 0;
    }
    return out;
  }

  ack(): void {
    // Nothing to forget: in-flight events are not kept here.
  }

  release(events: readonly SerializedEvent[]): void {
    if (!events.length) return;
    this.items = [...events, ...this.items.slice(this.head)];
    this.head = 0;
    for (const event of events) this.waitingBytes += event.bytes;
  }
}
