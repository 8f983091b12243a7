// Any tracker: the lean one (newTracker's) and the full class both are one.
import type { BaseTracker as Tracker } from './tracker.js';
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
  readonly contexts: SelfDescribingJson<object>[];
}

/**
 * A tracker plugin: every hook is optional. Hooks run in the order plugins were added;
 * one that throws is skipped with a `console.warn` and never loses the event. Close to
 * Snowplow's `BrowserPlugin`, so that porting one is mechanical (see
 * docs/automatic-tracking.md). `T` is the tracker type the activation hooks receive.
 */
export interface TrackerPlugin<T = Tracker> {
  /** Called once, when the plugin is added to a tracker (in the constructor or by `addPlugin`). */
  activate?: ((tracker: T) => void) | undefined;
  /** Snowplow's name for {@link TrackerPlugin.activate}; called too when present, after it. */
  activateBrowserPlugin?: ((tracker: T) => void) | undefined;
  /** Entities to attach to every event, called once per event before `beforeTrack`. */
  contexts?: (() => SelfDescribingJson[]) | undefined;
  /** Adds automatic fields or entities to every event (the browser's page context, sessions…). */
  beforeTrack?: ((event: TrackedEvent) => void) | undefined;
  /**
   * Decides whether the event is sent: `false` drops it before it is queued, and the
   * tracker's `stats().filtered` counts it. A filter that throws keeps the event.
   */
  filter?: ((event: TrackedEvent) => boolean) | undefined;
  /** Called after the event was handed to the emitters (not for filtered events). */
  afterTrack?: ((event: TrackedEvent) => void) | undefined;
}

/** Reports what a plugin or generator threw or returned wrongly: it is skipped, and the event goes on. */
export const warn = (...details: unknown[]): void => console.warn('isotrack: skipped', ...details);

/**
 * Calls `hook` of every plugin with `arg`, in order; one that throws is skipped with a
 * warning. For `contexts`, adds the entities it returns to `arg.contexts` (warning about
 * anything that is not one). Returns false when a `filter` returned false.
 * Runs on every event: one loop, plain try/catch, no closure per call.
 */
export function runHook(plugins: readonly TrackerPlugin<never>[], hook: keyof TrackerPlugin, arg: unknown): boolean {
  let keep = true;
  // An indexed loop: a `for…of` makes an iterator per call, and this runs four times per
  // event, mostly before the JIT has compiled it.
  for (let i = 0; i < plugins.length; i++) {
    const plugin = plugins[i]!;
    try {
      const result = (plugin[hook] as ((arg: unknown) => unknown) | undefined)?.(arg);
      if (result === false) keep = false;
      if (hook == 'contexts' && result) {
        for (const entity of result as unknown[]) isSelfDescribing(entity) ? (arg as TrackedEvent).contexts.push(entity) : warn('not an entity', entity);
      }
    } catch (error) {
      warn(error);
    }
  }
  return keep;
}
