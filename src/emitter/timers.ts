/** A timer handle, whichever platform's. */
export type Timer = ReturnType<typeof setTimeout>;

/** Lets a Node process exit while `timer` is pending (Node timers have `unref`); elsewhere a no-op. */
export const unref = (timer: Timer): Timer => ((timer as { unref?: () => void }).unref?.(), timer);
