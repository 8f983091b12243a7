import { backoffDelay } from './retry.js';

/**
 * One backoff for the whole emitter, not per batch: when the collector fails, every
 * batch waits, and only one request probes it until it answers well again. Failures of
 * requests that were already in flight when the backoff began belong to the same
 * outage and do not double the delay again.
 *
 * Internal to the engine: its members are `_`-prefixed so that the script-tag build
 * mangles them.
 */
export class BackoffGate {
  private streak = 0;
  private since = 0;
  private until = 0;
  private readonly maxDelay: number;

  constructor(maxDelay: number) {
    this.maxDelay = maxDelay;
  }

  /** True while a failure streak is open: send one request at a time. */
  get _probing(): boolean {
    return this.streak > 0;
  }

  /** Milliseconds left before the next attempt may start (0 = go). */
  _remaining(now: number = Date.now()): number {
    return Math.max(0, this.until - now);
  }

  /**
   * Records a retryable failure of a request started at `startedAt`; `retryAfter` in ms
   * wins if longer, up to `maxRetryDelay`: a proxy's `Retry-After` of a day (or of year
   * 9999) must not stop delivery for that long.
   */
  _fail(startedAt: number, retryAfter: number | undefined, now: number = Date.now()): void {
    if (startedAt >= this.since) this.streak++;
    this.since = now;
    const delay = Math.max(backoffDelay(this.streak, this.maxDelay), Math.min(retryAfter ?? 0, this.maxDelay));
    this.until = Math.max(this.until, now + delay);
  }

  /** A request succeeded: the outage is over. */
  _succeed(): void {
    this.streak = 0;
  }
}
