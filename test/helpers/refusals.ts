import { expect, it } from 'vitest';
import { Tracker } from '../../src/core/index.js';
import { CollectingSink } from './collecting-sink.js';

/** A caller's mistake: what it is, the call that makes it, and the message its TypeError carries. */
export type RefusalCase = [name: string, call: (tracker: Tracker) => unknown, message: RegExp];

/** One test per case: the call throws a TypeError with that message at once, and nothing is queued. */
export function itRefusesEach(cases: readonly RefusalCase[]): void {
  for (const [name, call, message] of cases) {
    it(name, () => {
      const sink = new CollectingSink();
      const tracker = new Tracker(sink);
      expect(() => call(tracker)).toThrow(TypeError);
      expect(() => call(tracker)).toThrow(message);
      expect(sink.events).toHaveLength(0);
    });
  }
}
