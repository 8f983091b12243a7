type Timer = ReturnType<typeof setTimeout>;

/**
 * The emitter's two wake-ups: the flush interval and the end of a backoff. Both are
 * background work, so in Node they are unref'd and never hold the process open;
 * except a backoff while someone awaits a flush, which must see it through.
 */
export class Wakeups {
  private interval: Timer | undefined;
  private backoff: Timer | undefined;

  constructor(
    private readonly flushInterval: number,
    private readonly onInterval: () => void,
    private readonly onBackoffEnd: () => void,
  ) {}

  get intervalArmed(): boolean {
    return this.interval !== undefined;
  }

  armInterval(): void {
    if (this.interval !== undefined) return;
    this.interval = unref(
      globalThis.setTimeout(() => {
        this.interval = undefined;
        this.onInterval();
      }, this.flushInterval),
    );
  }

  armBackoff(wait: number, keepAlive: boolean): void {
    if (this.backoff !== undefined) globalThis.clearTimeout(this.backoff);
    const timer = globalThis.setTimeout(() => {
      this.backoff = undefined;
      this.onBackoffEnd();
    }, wait);
    this.backoff = keepAlive ? timer : unref(timer);
  }

  /** Nobody awaits a flush any more: the backoff goes back to the background. */
  background(): void {
    if (this.backoff !== undefined) unref(this.backoff);
  }

  clear(): void {
    if (this.interval !== undefined) globalThis.clearTimeout(this.interval);
    if (this.backoff !== undefined) globalThis.clearTimeout(this.backoff);
    this.interval = this.backoff = undefined;
  }
}

/** Node timers have `unref`; elsewhere this is a no-op. */
function unref(timer: Timer): Timer {
  (timer as { unref?: () => void }).unref?.();
  return timer;
}
