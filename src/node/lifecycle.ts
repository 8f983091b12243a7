import type { LifecycleEmitter } from '../emitter/platform.js';

/** Node emitters that may still hold events: created, and not closed empty. */
const live = new Set<LifecycleEmitter>();
/** Emitters whose exit flush timed out: not flushed again, still reported at exit. */
const flushedOnce = new WeakSet<LifecycleEmitter>();
let hooked = false;
let exitFlushRunning = false;

/**
 * Node fires `beforeExit` when the event loop is empty, i.e. a script that tracked
 * events has finished. If an emitter still holds events, flush them (each emitter's
 * `flushTimeout` bounds it); the flush's own timer keeps the process up meanwhile, and
 * once it settles the loop empties again and the process exits. An idle process has
 * nothing to flush and exits at once. `process.exit()` skips `beforeExit`: call
 * `await tracker.flush()` before it.
 */
function onBeforeExit(): void {
  if (exitFlushRunning) return;
  const busy = [...live].filter((emitter) => emitter.pending() > 0 && !flushedOnce.has(emitter));
  if (busy.length === 0) return;
  exitFlushRunning = true;
  for (const emitter of busy) flushedOnce.add(emitter);
  void Promise.all(busy.map((emitter) => emitter.flush().catch(() => undefined))).then(() => {
    exitFlushRunning = false;
  });
}

/**
 * Reports what every Node emitter still holds as lost: `onDrop(count, 'exit')` and one
 * console warning per emitter, synchronously (it runs in `process.on('exit')`, where
 * no promise settles any more). Returns the number of events given up.
 */
export function abandonAll(): number {
  let lost = 0;
  for (const emitter of live) lost += emitter.abandon();
  live.clear();
  return lost;
}

/** Flush this emitter when the process is about to exit on its own; report what is left at exit. */
export function registerExitFlush(emitter: LifecycleEmitter): void {
  live.add(emitter);
  if (hooked) return;
  hooked = true;
  process.on('beforeExit', onBeforeExit);
  process.on('exit', abandonAll);
}

/**
 * The emitter was closed. A closed emitter sends nothing more: what it still holds
 * (a close that timed out) is lost at exit, so it stays listed until then.
 */
export function unregisterExitFlush(emitter: LifecycleEmitter): void {
  if (emitter.pending() === 0) live.delete(emitter);
}
