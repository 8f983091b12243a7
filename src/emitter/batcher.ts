import type { SerializedEvent } from '../core/types.js';
import { safely, toPayloads, warn } from './callbacks.js';
import type { ResolvedEmitterOptions } from './options.js';
import { PER_EVENT_OVERHEAD, postBodyBytes } from './request.js';
import type { EventStore } from './store.js';
import type { Batch } from './types.js';

/**
 * The store plus the batches taken out of it: enforces the queue bound over both
 * (waiting, retrying and in-flight events all hold memory), cuts batches, and hands
 * settled events back (`forget`) or returns unsent ones (`release`).
 */
export class Batcher {
  /** Events and bytes taken from the store and not settled (in flight or retrying). */
  outEvents = 0;
  private outBytes = 0;

  constructor(
    readonly store: EventStore,
    private readonly options: Pick<ResolvedEmitterOptions, 'method' | 'maxPostBytes' | 'maxQueueEvents' | 'maxQueueBytes' | 'onOversize'>,
  ) {}

  /** Events held: waiting, retrying or in flight. */
  get held(): number {
    return this.store.count + this.outEvents;
  }

  /** Adds an event unless the queue bound forbids it. */
  tryAdd(event: SerializedEvent): boolean {
    const store = this.store;
    const o = this.options;
    if (store.count + this.outEvents >= o.maxQueueEvents || store.bytes + this.outBytes + event.bytes > o.maxQueueBytes) return false;
    store.add(event);
    return true;
  }

  /** The next batch: one event for GET; for POST as many as fit in `budget` (see `batchBudget`). */
  take(budget: number): Batch | undefined {
    if (this.store.count === 0 || budget <= 0) return undefined;
    const get = this.options.method === 'get';
    const events = this.store.take(
      get ? { count: 1, bytes: Infinity, overhead: 0 } : { count: Infinity, bytes: budget, overhead: PER_EVENT_OVERHEAD },
    );
    if (events.length === 0) return undefined;
    let bytes = 0;
    for (const event of events) bytes += event.bytes;
    this.outEvents += events.length;
    this.outBytes += bytes;
    const batch: Batch = { events, bytes, attempts: 0 };
    if (!get && events.length === 1 && postBodyBytes(events) > this.options.maxPostBytes) this.reportOversize(batch);
    return batch;
  }

  /** Delivered or given up: the store forgets the events. */
  forget(batch: Batch): void {
    this.settle(batch);
    this.store.ack(batch.events);
  }

  /** Not sent after all: back to the front of the store. */
  release(batch: Batch): void {
    this.settle(batch);
    this.store.release(batch.events);
  }

  private settle(batch: Batch): void {
    this.outEvents -= batch.events.length;
    this.outBytes -= batch.bytes;
  }

  private reportOversize(batch: Batch): void {
    const size = postBodyBytes(batch.events);
    const onOversize = this.options.onOversize;
    if (onOversize) safely('onOversize', () => onOversize(toPayloads(batch.events)[0]!, size));
    else warn(`isotrack: event ${batch.events[0]!.eid} (${size} B) exceeds maxPostBytes (${this.options.maxPostBytes} B); sent alone`);
  }
}
