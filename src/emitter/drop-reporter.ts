import { safely } from './callbacks.js';
import type { DropReason, EmitterOptions } from './options.js';

/**
 * Reports drops to `onDrop` once per reason and tick, with the exact count: a burst that
 * overflows the queue is one call, not one per event. Without `onDrop` it does nothing
 * (the engine's `dropped` counter still counts every drop).
 */
export function dropReporter(onDrop: EmitterOptions['onDrop']): (reason: DropReason) => void {
  const counts: Record<DropReason, number> = { 'queue-full': 0, closed: 0 };
  let queued: boolean | undefined;
  return (reason) => {
    if (!onDrop) return;
    counts[reason]++;
    if (queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      // Insertion order: queue-full, then closed.
      for (const why in counts) {
        const count = counts[why as DropReason];
        counts[why as DropReason] = 0;
        if (count) safely('onDrop', () => onDrop(count, why as DropReason));
      }
    });
  };
}
