import type { SerializedEvent } from '../core/types.js';
import type { EventStore, TakeLimits } from './store.js';

/** Compact only past this many consumed slots, so small queues never copy. */
const COMPACT_AFTER = 4096;

/** Where an event's id starts in its JSON text (after `"eid":"`), or -1. */
const idStart = (json: string): number => {
  const at = json.indexOf('"eid":"');
  return at < 0 ? -1 : at + 7;
};

/**
 * What the queue keeps of a waiting event: its JSON text alone when the id reads back
 * from it exactly (every event the tracker makes), else the event itself.
 */
function pack(event: SerializedEvent): SerializedEvent | string {
  const { eid, json } = event;
  const at = idStart(json);
  return at > 0 && json.indexOf('"', at) == at + eid.length && json.startsWith(eid, at) ? json : event;
}

/** The event again, from what {@link pack} kept. */
function unpack(item: SerializedEvent | string, bytes: number): SerializedEvent {
  if (typeof item != 'string') return item;
  const at = idStart(item);
  return { eid: item.slice(at, item.indexOf('"', at)), json: item, bytes };
}

/**
 * The Node entry's default {@link EventStore}: {@link MemoryEventStore}'s queue (an
 * array with a moving head, compacted once consumed slots outnumber live ones), keeping
 * less per waiting event. A burst tracked in one task stays queued until the task ends,
 * and every object it holds is copied and marked by each garbage collection meanwhile:
 * one string and one number per event, instead of an event object, its id and its text,
 * takes what a burst of 200,000 events holds from 866 to 772 B per event and the garbage
 * collection time during it by about a quarter (docs/benchmarks.md). `take` returns
 * events equal to those added, not the same objects. The browser builds keep the plain
 * {@link MemoryEventStore} (the persistent store holds its events anyway, and the
 * script tag would pay the bytes).
 */
export class PackedMemoryEventStore implements EventStore {
  private items: (SerializedEvent | string | undefined)[] = [];
  /** Each item's `bytes`, in a number array beside it. */
  private sizes: number[] = [];
  private head = 0;
  private waitingBytes = 0;

  get count(): number {
    return this.items.length - this.head;
  }

  get bytes(): number {
    return this.waitingBytes;
  }

  add(event: SerializedEvent): void {
    this.items.push(pack(event));
    this.sizes.push(event.bytes);
    this.waitingBytes += event.bytes;
  }

  take({ count, bytes, overhead }: TakeLimits): SerializedEvent[] {
    const out: SerializedEvent[] = [];
    const { items, sizes } = this;
    let used = 0;
    let i = this.head;
    while (i < items.length && out.length < count) {
      const cost = sizes[i]! + overhead;
      // An oversize oldest event goes alone.
      if (used + cost > bytes && out.length) break;
      out.push(unpack(items[i]!, sizes[i]!));
      items[i++] = undefined; // the text can go as soon as its batch is done
      if ((used += cost) >= bytes) break;
    }
    this.head = i;
    this.waitingBytes -= used - overhead * out.length;
    if (i == items.length) this.restart([], []);
    else if (i > COMPACT_AFTER && i * 2 > items.length) this.restart(items.slice(i), sizes.slice(i));
    return out;
  }

  ack(): void {
    // Nothing to forget: in-flight events are not kept here.
  }

  release(events: readonly SerializedEvent[]): void {
    if (!events.length) return;
    this.restart([...events.map(pack), ...this.items.slice(this.head)], [...events.map((event) => event.bytes), ...this.sizes.slice(this.head)]);
    for (const event of events) this.waitingBytes += event.bytes;
  }

  private restart(items: (SerializedEvent | string | undefined)[], sizes: number[]): void {
    this.items = items;
    this.sizes = sizes;
    this.head = 0;
  }
}
