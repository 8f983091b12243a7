import type { BrowserTracker, BrowserTrackerOptions } from './tracker.js';
import { newTracker } from './tracker.js';
import { loadAddOn } from './load-add-on.js';
import { inBrowser, listen } from './env.js';
import { fail } from '../core/events/field-rules.js';

/** A command: `'newTracker'`, a tracker method (`'trackPageView'`), optionally `:ns1;ns2`, or a callback. */
export type Command = string | ((trackers: Record<string, BrowserTracker>) => void);

/** A command that is a function of the tracker rather than its method, e.g. `enableLinkClickTracking(tracker, options)`. */
export type TrackerCommand = (tracker: BrowserTracker, ...args: never[]) => unknown;

/** The callable global of the script tag: `isotrack('trackPageView')`. */
export type CommandFunction = (command: Command, ...args: unknown[]) => void;

type Call = [Command, ...unknown[]];

/**
 * The command interface of the async snippet. `'newTracker', namespace, endpoint,
 * options` creates a tracker; any other name calls that method of every tracker
 * (or of those named after a colon, `'trackPageView:sp1;sp2'`), falling back to
 * its identity controls (`'optOut'`, `'setAnonymous'`). `commands` adds commands
 * that are functions of a tracker (an add-on adds its own to the same object when it
 * loads; an npm build passes only what it imports).
 *
 * - Commands before the first `newTracker` are kept and run, in order, when it comes.
 * - `'addPlugin', url` loads an add-on script; the commands after it wait until it has
 *   loaded, failed, or taken 5 s (then a warning, and they run without it). Snowplow's
 *   form `'addPlugin', url, [globalName, constructorName], args` also adds
 *   `window[globalName][constructorName](...args)` as a plugin of every tracker.
 * - A mistake (an unknown command or tracker name, a wrong argument) is reported on the
 *   console and never stops the commands after it.
 */
export function commandFunction(commands: Record<string, TrackerCommand> = {}): CommandFunction {
  const trackers: Record<string, BrowserTracker> = {};
  // Commands that came before any tracker, and those held while an add-on loads.
  let early: Call[] | undefined = [];
  let held: Call[] | undefined;
  const replay = (calls: Call[] = []) => {
    for (const call of calls) queue(...call);
  };

  const run = (command: Command, ...args: unknown[]) => {
    if (typeof command == 'function') return command(trackers);
    const [name, only] = command.split(':') as [string, string?];
    if (name == 'newTracker') {
      const [namespace, endpoint, options] = args as [string, string, BrowserTrackerOptions?];
      trackers[namespace] = newTracker(namespace, endpoint, options);
      const calls = early;
      early = undefined;
      return replay(calls);
    }
    // A URL is an add-on script; a plugin object goes to the trackers' own addPlugin.
    if (name == 'addPlugin' && typeof args[0] == 'string') {
      const [url, [globalName, constructorName] = [], pluginArgs = []] = args as [string, string[]?, unknown[]?];
      held = [];
      return loadAddOn(url, () => {
        // A constructor that throws is reported; the queue goes on regardless.
        try {
          const make = globalName && (window as unknown as Record<string, Record<string, unknown> | undefined>)[globalName]?.[constructorName!];
          if (typeof make == 'function') for (const tracker of Object.values(trackers)) tracker.addPlugin(make(...pluginArgs));
        } catch (error) {
          console.error(error);
        }
        const calls = held;
        held = undefined;
        replay(calls);
      });
    }
    if (early) {
      // Told once, when the page has loaded and still no tracker exists: they are kept, not lost.
      if (!early.length && inBrowser()) {
        const tell = () => early?.length && console.warn(`isotrack: ${early.length} command(s) wait for isotrack('newTracker', …) and run when it comes: ${early.map(([c]) => c).join(', ')}`);
        document.readyState == 'complete' ? setTimeout(tell) : listen(window, 'load', () => setTimeout(tell));
      }
      return void early.push([command, ...args]);
    }
    const names = only ? only.split(';') : Object.keys(trackers);
    const unknown = names.filter((namespace) => !trackers[namespace]);
    if (unknown.length) fail(`${command}:`, `no tracker named ${unknown.join(', ')} (trackers: ${Object.keys(trackers).join(', ')})`);
    const own = {}.hasOwnProperty.call(commands, name) && commands[name];
    for (const namespace of names) {
      const tracker = trackers[namespace]!;
      if (own) {
        (own as (...a: unknown[]) => unknown)(tracker, ...args);
        continue;
      }
      const target = (name in tracker ? tracker : tracker.identity) as Record<string, unknown> | undefined;
      const method = target?.[name];
      if (typeof method != 'function') fail('unknown command', `${name} (an add-on's? load it first with isotrack('addPlugin', url))`);
      method.apply(target, args);
    }
  };

  const queue: CommandFunction = (...call) => {
    if (held) return void held.push(call);
    try {
      // A callback's result is handed back (e.g. `isotrack((t) => t.sp.flush())` gives its promise).
      return run(...call) as undefined;
    } catch (error) {
      console.error(error);
    }
  };
  return queue;
}
