// Automatic error tracking: uncaught errors (`error` on window) and unhandled promise
// rejections, sent as application_error 1-0-2.
import { trackError, type ApplicationErrorEvent } from '../core/events/application-error.js';
import { warn } from '../core/plugins.js';
// Any tracker: the lean one (newTracker's) and the full class both are one.
import type { BaseTracker as Tracker } from '../core/tracker.js';
import type { SelfDescribingJson } from '../core/types.js';
import { browserFeature, enable, guarded, type BrowserFeature } from './autotrack-plugin.js';
import { listen } from './env.js';

/** Options of {@link enableErrorTracking} (Snowplow's `ErrorTrackingConfiguration`). */
export interface ErrorTrackingOptions {
  /** Return false to leave an error out. @defaultValue every error */
  filter?: ((event: ErrorEvent | PromiseRejectionEvent) => boolean) | undefined;
  /** Entities to attach to the error's event. @defaultValue none */
  contextAdder?: ((event: ErrorEvent | PromiseRejectionEvent) => SelfDescribingJson[]) | undefined;
}

/** The result of the caller's `filter` or `contextAdder`, or `fallback` (with a warning) when it throws: the error is still reported. */
function attempt<R>(fn: () => R, fallback: R): R {
  try {
    return fn();
  } catch (error) {
    warn(error);
    return fallback;
  }
}

/** What a rejection's reason says, as an error's fields. */
function fromRejection(reason: unknown): ApplicationErrorEvent {
  const message = (reason as Error | null)?.message;
  return { message: `Unhandled rejection: ${typeof message == 'string' ? message : String(reason)}`, error: reason };
}

/**
 * The error tracking plugin: added to a tracker in a browser, sends `application_error`
 * (with `isFatal: true`) for uncaught errors and unhandled rejections. Inert outside a browser.
 *
 * It never reports itself in a loop: an error thrown while one is being reported (by a
 * filter, a `contextAdder`, a plugin or the tracker) is caught and warned about on the
 * console, never reported; the error being reported is still sent (without the
 * entities of a `contextAdder` that threw).
 */
export function errorTracking(options: ErrorTrackingOptions = {}): BrowserFeature {
  return browserFeature((tracker) => {
    let reporting = false;
    const report = guarded((caught: ErrorEvent | PromiseRejectionEvent) => {
      // A resource that failed to load (an <img>) fires `error` too, without a message: not a script error.
      if (!('reason' in caught || 'message' in caught)) return;
      if (options.filter && !attempt(() => options.filter!(caught), true)) return;
      const details =
        'reason' in caught
          ? fromRejection(caught.reason)
          : { message: caught.message || 'Script error', filename: caught.filename, lineno: caught.lineno, colno: caught.colno, error: caught.error };
      trackError(tracker, { ...details, isFatal: true, context: attempt(() => options.contextAdder?.(caught), undefined) ?? [] });
    });
    return listen(window, 'error unhandledrejection', (event) => {
      if (reporting) return;
      reporting = true;
      report(event as ErrorEvent);
      reporting = false;
    });
  });
}

/**
 * Sends `application_error` for uncaught errors and unhandled promise rejections
 * (Snowplow's `enableErrorTracking`, plus rejections). Returns a function that stops it.
 */
export const enableErrorTracking = (tracker: Tracker, options?: ErrorTrackingOptions): (() => void) => enable(tracker, errorTracking(options));
