import type { Tracker } from './tracker.js';
import type { Payload, SelfDescribingJson } from './types.js';
import { isSelfDescribing } from './validation.js';

/** An event as plugins see it, before it is encoded and serialised. */
export interface TrackedEvent {
  /** Event type code (`e`). */
  readonly e: string;
  /** Iglu URI of a self-describing event (`e=ue`); `''` for the other event types. */
  readonly schema: string;
  /**
   * The flat fields. In `beforeTrack` unset ones read as `undefined`, and a plugin may
   * add to them (usually only where absent). In `filter` and `afterTrack` they are the
   * final fields, with `ue_pr`/`ue_px` and `co`/`cx` encoded; changes there are ignored.
   */
  readonly payload: Payload;
  /** Entities to attach; a plugin may push its own in `beforeTrack`. */
  readonly contexts: SelfDescribingJson[];
}

/**
 * A tracker plugin: every hook is optional. Hooks run in the order plugins were added;
 * one that throws is skipped with a `console.warn` and never loses the event. Close to
 * Snowplow's `BrowserPlugin`, so that porting one is mechanical (see
 * docs/automatic-tracking.md). `T` is the tracker type the activation hooks receive.
 */
export interface TrackerPlugin<T = Tracker> {
  /** Called once, when the plugin is added to a tracker (in the constructor or by `addPlugin`). */
  activate?(tracker: T): void;
  /** Snowplow's name for {@link TrackerPlugin.activate}; called too when present, after it. */
  activateBrowserPlugin?(tracker: T): void;
  /** Entities to attach to every event, called once per event before `beforeTrack`. */
  contexts?(): SelfDescribingJson[];
  /** Adds automatic fields or entities to every event (the browser's page context, sessions…). */
  beforeTrack?(event: TrackedEvent): void;
  /**
   * Decides whether the event is sent: `false` drops it before it is queued, and the
   * tracker's `stats().filtered` counts it. A filter that throws keeps the event.
   */
  filter?(event: TrackedEvent): boolean;
  /** Called after the event was handed to the emitters (not for filtered events). */
  afterTrack?(event: TrackedEvent): void;
}

/** Reports a plugin's or generator's throw: it is skipped, and the event goes on. */
export function warn(error: unknown, what = 'threw'): void {
  console.warn(`isotrack: a plugin or context generator ${what}; skipped`, error);
}

// The loops below run on every event: plain try/catch, no closure per call.

/** Activates a plugin just added to `tracker`. */
export function activatePlugin<T>(plugin: TrackerPlugin<T>, tracker: T): void {
  try {
    plugin.activate?.(tracker);
    plugin.activateBrowserPlugin?.(tracker);
  } catch (error) {
    warn(error);
  }
}

/** Runs `contexts` (keeping only self-describing entities) and `beforeTrack` of every plugin, in order. */
export function beforeTrack(plugins: readonly TrackerPlugin<never>[], event: TrackedEvent): void {
  for (const plugin of plugins) {
    try {
      if (plugin.contexts) for (const entity of plugin.contexts()) {
        if (isSelfDescribing(entity)) event.contexts.push(entity);
        else warn(entity, 'returned an entity that is not self-describing JSON');
      }
    } catch (error) {
      warn(error);
    }
  }
  for (const plugin of plugins) {
    try {
      plugin.beforeTrack?.(event);
    } catch (error) {
      warn(error);
    }
  }
}

/** False when a plugin's filter drops the event. */
export function accepted(plugins: readonly TrackerPlugin<never>[], event: TrackedEvent): boolean {
  for (const plugin of plugins) {
    try {
      if (plugin.filter?.(event) === false) return false;
    } catch (error) {
      warn(error);
    }
  }
  return true;
}

/** Runs `afterTrack` of every plugin. */
export function afterTrack(plugins: readonly TrackerPlugin<never>[], event: TrackedEvent): void {
  for (const plugin of plugins) {
    try {
      plugin.afterTrack?.(event);
    } catch (error) {
      warn(error);
    }
  }
}
