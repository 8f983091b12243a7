/** A timer handle, whichever platform's. */
export type Timer = ReturnType<typeof setTimeout>;

/** Lets a Node process exit while `timer` is pending (Node timers have `unref`); elsewhere a no-op. */
export const unref = (timer: Timer): Timer => ((timer as { unref?: () => void }).unref?.(), timer);

/**
 * The longest delay every platform's timers honour (2^31-1 ms, about 24.8 days). A longer
 * one overflows: Node warns and fires after 1 ms, browsers fire at once, so a hostile
 * `Retry-After` or a huge option would make a timer loop instead of waiting.
 */
export const MAX_TIMER_DELAY = 2 ** 31 - 1;
