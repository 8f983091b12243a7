import { safely } from './callbacks.js';
import type { DropReason } from './options.js';

/**
 * Counts dropped events and reports them through `onDrop` once per reason and tick,
 * with the exact count: a burst into a full queue costs one callback, not one per event.
 */
export class DropReporter {
  total = 0;
  private readonly counts: Record<DropReason, number> = { 'queue-full': 0, closed: 0 };
  private queued = false;

  constructor(private readonly onDrop: ((count: number, reason: DropReason) => void) | undefined) {}

  drop(reason: DropReason): void {
    this.total++;
    if (!this.onDrop) return;
    this.counts[reason]++;
    if (this.queued) return;
    this.queued = true;
    globalThis.queueMicrotask(() => this.report());
  }

  private report(): void {
    this.queued = false;
    for (const reason of ['queue-full', 'closed'] as const) {
      const count = this.counts[reason];
      if (count === 0) continue;
      this.counts[reason] = 0;
      const onDrop = this.onDrop!;
      safely('onDrop', () => onDrop(count, reason));
    }
  }
}
