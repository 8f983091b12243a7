import type { LifecycleEmitter } from '../emitter/platform.js';
import { warn } from '../emitter/callbacks.js';
import { installExitReport } from './exit-report.js';
import { eventsSeen, exitLossMessage, exitWaitMessage, type NodeNotices } from './notices.js';

/**
 * The longest the exit flush waits by default (an emitter's smaller `flushTimeout` wins).
 * Measured (docs/delivery.md, "At exit"): a healthy loopback collector takes a few ms;
 * a collector back after a blip needs up to three retries, whose backoff sums to at most
 * 3.5 s. Longer waits mostly wait on a collector that is down, and a script that hangs
 * is worse than a warning naming what was lost.
 */
export const EXIT_WAIT = 5_000;

/**
 * A healthy collector takes a few ms to receive what a script left: the exit wait is
 * announced at once when the last request failed, otherwise only once it lasts this long
 * (so that a script that simply ends prints nothing).
 */
const QUIET_WAIT = 300;

/** Node emitters that may still hold events: created, and not closed empty. */
const live = new Set<LifecycleEmitter>();
/** What the messages need to know about each emitter (set by the Node `Emitter`). */
const noticesOf = new WeakMap<LifecycleEmitter, NodeNotices & { flushTimeout: number }>();
let hooked = false;
let exitFlushRunning = false;

/** Called by the Node `Emitter` once it exists. */
export function describeEmitter(emitter: LifecycleEmitter, notices: NodeNotices & { flushTimeout: number }): void {
  noticesOf.set(emitter, notices);
}

/** True when a caller's bounded flush or close timed out and nothing was tracked since: the caller already chose how long to wait. */
function callerGaveUp(emitter: LifecycleEmitter, notices: NodeNotices | undefined): boolean {
  return notices?.timedOutAt !== undefined && notices.timedOutAt === eventsSeen(emitter);
}

/**
 * Node fires `beforeExit` when the event loop is empty, i.e. a script that tracked
 * events has finished. If an emitter still holds events, flush them once, for at most
 * {@link EXIT_WAIT} (or its smaller `flushTimeout`), saying so when it starts (after
 * {@link QUIET_WAIT} ms when no request has failed yet); the
 * flush's own timer keeps the process up meanwhile, and once it settles the loop
 * empties again and the process exits. An idle process has nothing to flush and exits
 * at once. When the caller's own `flush({ timeout })` timed out with nothing tracked
 * since, it is not waited for again. `process.exit()` skips `beforeExit`: what is
 * left is reported at exit, naming the fix.
 */
function onBeforeExit(): void {
  if (exitFlushRunning) return;
  const busy = [...live].filter((emitter) => {
    const notices = noticesOf.get(emitter);
    return emitter.pending() > 0 && !notices?.exitFlushed && !callerGaveUp(emitter, notices);
  });
  if (busy.length === 0) return;
  exitFlushRunning = true;
  const flushes = busy.map((emitter) => {
    const notices = noticesOf.get(emitter);
    const timeout = Math.min(EXIT_WAIT, notices?.flushTimeout ?? EXIT_WAIT);
    let announce: ReturnType<typeof setTimeout> | undefined;
    if (notices) {
      notices.exitFlushed = true;
      const say = (waited: number) => {
        if (emitter.pending() > 0) warn(exitWaitMessage(notices, emitter.pending(), timeout - waited));
      };
      if (!notices.quietDrops) {
        if (notices.lastCause) say(0);
        else (announce = setTimeout(say, QUIET_WAIT, QUIET_WAIT)).unref();
      }
    }
    return emitter
      .flush({ timeout })
      .catch(() => undefined)
      .finally(() => clearTimeout(announce));
  });
  void Promise.all(flushes).then(() => {
    exitFlushRunning = false;
  });
}

/**
 * Reports what every Node emitter still holds: `onDrop(count, 'exit')`, or, without
 * `onDrop`, one console warning per emitter saying why and naming the fix; with a custom
 * store, "kept" instead of "lost". Synchronous (it runs in `process.on('exit')`, where no
 * promise settles any more). Returns the number of events given up or kept.
 */
export function abandonAll(): number {
  let left = 0;
  for (const emitter of live) {
    const notices = noticesOf.get(emitter);
    const gaveUp = callerGaveUp(emitter, notices);
    const n = emitter.abandon(notices?.customStore);
    left += n;
    if (n && notices && !notices.quietDrops) warn(exitLossMessage(notices, n, gaveUp));
  }
  live.clear();
  return left;
}

/** Flush this emitter when the process is about to exit on its own; report what is left at exit. */
export function registerExitFlush(emitter: LifecycleEmitter): void {
  live.add(emitter);
  // The Node Emitter describes itself right after; this default keeps any other one from being flushed at exit more than once.
  noticesOf.set(emitter, { url: 'the collector', quietDrops: false, customStore: false, flushTimeout: EXIT_WAIT });
  if (hooked) return;
  hooked = true;
  installExitReport(abandonAll);
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
