import type { Batch } from './types.js';

interface Waiter {
  /** Waiting events queued before the flush that have not been taken into a batch yet. */
  ahead: number;
  /** Batches holding events queued before the flush, not settled yet. */
  readonly batches: Set<Batch>;
  failed: number;
  readonly done: (timedOut: boolean, failed: number) => void;
}

/**
 * Tracks "everything queued before this flush". The store is FIFO, so the events
 * ahead of a flush are the first `ahead` ones taken after it, plus the batches
 * already in flight or waiting to retry when it was called. A batch that mixes older
 * and newer events is waited for whole, which errs on the side of waiting.
 */
export class FlushWaiters {
  private readonly waiters = new Set<Waiter>();

  get size(): number {
    return this.waiters.size;
  }

  /** Registers a flush; resolves through `done`, at once if nothing is ahead of it. */
  add(ahead: number, outstanding: Iterable<Batch>, done: Waiter['done']): () => void {
    const waiter: Waiter = { ahead, batches: new Set(outstanding), failed: 0, done };
    this.waiters.add(waiter);
    this.check(waiter, ahead);
    return () => {
      if (this.waiters.delete(waiter)) waiter.done(true, waiter.failed);
    };
  }

  /** A batch was taken from the waiting events. */
  taken(batch: Batch): void {
    for (const waiter of this.waiters) {
      if (waiter.ahead <= 0) continue;
      waiter.ahead -= batch.events.length;
      waiter.batches.add(batch);
    }
  }

  /** A batch was delivered or given up. */
  settled(batch: Batch, failed: boolean, waiting: number): void {
    for (const waiter of this.waiters) {
      if (waiter.batches.delete(batch) && failed) waiter.failed += batch.events.length;
      this.check(waiter, waiting);
    }
  }

  /** Re-checks every waiter, e.g. after another tab took events from a shared store. */
  recheck(waiting: number): void {
    for (const waiter of this.waiters) this.check(waiter, waiting);
  }

  /** Resolves every waiter as timed out (the emitter stopped). */
  abandon(): void {
    for (const waiter of [...this.waiters]) {
      this.waiters.delete(waiter);
      waiter.done(true, waiter.failed);
    }
  }

  private check(waiter: Waiter, waiting: number): void {
    // Events ahead can only be among those still waiting.
    if (waiter.ahead > waiting) waiter.ahead = waiting;
    if (waiter.ahead <= 0 && waiter.batches.size === 0) {
      this.waiters.delete(waiter);
      waiter.done(false, waiter.failed);
    }
  }
}
