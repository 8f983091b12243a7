import type { BrowserTracker, BrowserTrackerOptions } from './tracker.js';
import { newTracker } from './tracker.js';

/** A command: `'newTracker'`, a tracker method (`'trackPageView'`), optionally `:ns1;ns2`, or a callback. */
export type Command = string | ((trackers: Record<string, BrowserTracker>) => void);

/** A command that is a function of the tracker rather than its method, e.g. `enableLinkClickTracking(tracker, options)`. */
export type TrackerCommand = (tracker: BrowserTracker, ...args: never[]) => unknown;

/** The callable global of the script tag: `isotrack('trackPageView')`. */
export type CommandFunction = (command: Command, ...args: unknown[]) => void;

/**
 * The command interface of the async snippet. `'newTracker', namespace, endpoint,
 * options` creates a tracker; any other name calls that method of every tracker
 * (or of those named after a colon, `'trackPageView:sp1;sp2'`), falling back to
 * its identity controls (`'optOut'`, `'setAnonymous'`). `commands` adds commands
 * that are functions of a tracker (the script tag passes link, form and error tracking,
 * global contexts…; an npm build passes only what it imports). A mistake is reported
 * on the console and never stops the commands after it.
 */
export function commandFunction(commands: Record<string, TrackerCommand> = {}): CommandFunction {
  const trackers: Record<string, BrowserTracker> = {};
  return (command, ...args) => {
    try {
      if (typeof command == 'function') return command(trackers);
      const [name, only] = command.split(':') as [string, string?];
      if (name == 'newTracker') {
        const [namespace, endpoint, options] = args as [string, string, BrowserTrackerOptions?];
        trackers[namespace] = newTracker(namespace, endpoint, options);
        return;
      }
      for (const namespace of only ? only.split(';') : Object.keys(trackers)) {
        const run = Object.prototype.hasOwnProperty.call(commands, name) && commands[name];
        if (run && trackers[namespace]) {
          (run as (...a: unknown[]) => unknown)(trackers[namespace], ...args);
          continue;
        }
        const tracker = trackers[namespace] as unknown as Record<string, unknown> | undefined;
        const target = (tracker && name in tracker ? tracker : tracker?.identity) as Record<string, unknown> | undefined;
        const method = target?.[name];
        if (typeof method != 'function') throw new TypeError(`isotrack: unknown command ${command}`);
        method.apply(target, args);
      }
    } catch (error) {
      console.error(error);
    }
  };
}
