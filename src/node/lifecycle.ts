import type { LifecycleEmitter } from '../emitter/platform.js';

const live = new Set<LifecycleEmitter>();
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
  const busy = [...live].filter((emitter) => emitter.pending() > 0);
  if (busy.length === 0) return;
  exitFlushRunning = true;
  void Promise.all(busy.map((emitter) => emitter.flush().catch(() => undefined))).then(() => {
    exitFlushRunning = false;
    // Whatever a timed-out flush left behind would be retried forever: let go of it.
    for (const emitter of busy) if (emitter.pending() > 0) live.delete(emitter);
  });
}

/** Flush this emitter when the process is about to exit on its own. */
export function registerExitFlush(emitter: LifecycleEmitter): void {
  live.add(emitter);
  if (hooked) return;
  hooked = true;
  process.on('beforeExit', onBeforeExit);
}

/** The emitter was closed: nothing left to do at exit. */
export function unregisterExitFlush(emitter: LifecycleEmitter): void {
  live.delete(emitter);
}
