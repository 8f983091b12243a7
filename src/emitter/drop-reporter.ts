import { safely } from './callbacks.js';
import type { DropReason, EmitterOptions } from './options.js';

/**
 * Reports drops to `onDrop` once per reason and tick, with the exact count: a burst that
 * overflows the queue is one call, not one per event. Without `onDrop` it does nothing
 * (the engine's `dropped` counter still counts every drop).
 */
export function dropReporter(onDrop: EmitterOptions['onDrop']): (reason: DropReason, n: number) => void {
  const counts: Record<string, number> = { 'queue-full': 0, closed: 0, unsendable: 0 };
  let queued: boolean | undefined;
  return (reason, n) => {
    if (!onDrop) return;
    counts[reason] = (counts[reason] ?? 0) + n;
    if (queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      // Insertion order: queue-full, closed, unsendable.
      for (const why in counts) {
        const count = counts[why]!;
        counts[why] = 0;
        if (count) safely('onDrop', () => onDrop(count, why as DropReason));
      }
    });
  };
}
