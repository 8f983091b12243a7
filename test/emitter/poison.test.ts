// An event that can never be sent must not block the ones behind it (issue 15, item 1).
import { describe, expect, it } from 'vitest';
import { startCollector } from '@isotrack/collector';
import { Emitter } from '../../src/node/emitter.js';
import { Tracker } from '../../src/core/tracker.js';
import type { DropReason } from '../../src/emitter/options.js';

describe('poison events (GET with text that is not valid UTF-16)', () => {
  it('are dropped once and reported; every other event of the stream is delivered good', async () => {
    const collector = await startCollector({ port: 0 });
    try {
      const drops: [number, DropReason][] = [];
      const emitter = new Emitter(collector.url, { method: 'get', maxRetryDelay: 500, onDrop: (n, reason) => drops.push([n, reason]) });
      const tracker = new Tracker(emitter);
      const good: string[] = [];
      const poison: string[] = [];
      for (let i = 0; i < 104; i++) {
        // A title cut mid-emoji leaves a lone surrogate: encodeURIComponent throws on it.
        if (i % 26 == 0) poison.push(tracker.trackPageView({ pageUrl: 'https://a.test/', pageTitle: 'Caf\uD800' }));
        else good.push(tracker.trackStructEvent({ category: 'c', action: `a${i}` }));
      }
      const result = await emitter.flush({ timeout: 15_000 });
      expect(result).toMatchObject({ timedOut: false, queued: 0, inFlight: 0, failed: 4 });
      // Reported as they are found (GET sends one event per request).
      expect(drops.every(([, reason]) => reason == 'unsendable')).toBe(true);
      expect(drops.reduce((sum, [n]) => sum + n, 0)).toBe(4);
      expect(emitter.stats()).toMatchObject({ delivered: 100, dropped: 4, failed: 0, retried: 0, queued: 0 });
      const counts = collector.store.counts();
      expect(counts).toMatchObject({ good: 100, bad: 0 });
      await emitter.close();
    } finally {
      await collector.close();
    }
  });

  it('the same events over POST are sendable: JSON escapes the lone surrogate, and they arrive good', async () => {
    const collector = await startCollector({ port: 0 });
    try {
      const emitter = new Emitter(collector.url);
      const tracker = new Tracker(emitter);
      for (let i = 0; i < 4; i++) tracker.trackPageView({ pageUrl: 'https://a.test/', pageTitle: 'Caf\uD800' });
      await emitter.close({ timeout: 10_000 });
      expect(collector.store.counts()).toMatchObject({ good: 4, bad: 0 });
    } finally {
      await collector.close();
    }
  });

  it('a GET longer than maxGetBytes is never sent: dropped once as unsendable, with one warning naming the limit when onDrop is not set', async () => {
    const collector = await startCollector({ port: 0 });
    try {
      const warnings: unknown[][] = [];
      const original = console.warn;
      console.warn = (...args: unknown[]) => void warnings.push(args);
      const emitter = new Emitter(collector.url, { method: 'get', maxGetBytes: 2_000 });
      const tracker = new Tracker(emitter, { encodeBase64: false });
      let result;
      try {
        tracker.trackStructEvent({ category: 'c', action: 'short' });
        tracker.trackStructEvent({ category: 'c', action: 'long', label: 'x'.repeat(3_000) });
        tracker.trackStructEvent({ category: 'c', action: 'after' });
        result = await emitter.flush({ timeout: 10_000 });
      } finally {
        console.warn = original;
      }
      expect(result).toMatchObject({ ok: false, failed: 1, queued: 0 });
      expect(emitter.stats()).toMatchObject({ delivered: 2, dropped: 1, failed: 0, retried: 0 });
      expect(warnings).toHaveLength(1);
      expect(warnings[0]![0]).toBe('isotrack: 1 event(s) unsendable, dropped:');
      expect(warnings[0]![1]).toBe('over maxGetBytes');
      // Never sent: the collector saw only the two others, and every request it got fits.
      const good = collector.store.listGood();
      expect(good.map((e) => (e.rawEvent?.parameters as Record<string, string>).se_ac).sort()).toEqual(['after', 'short']);
      expect(collector.store.counts()).toMatchObject({ total: 2, bad: 0 });
      await emitter.close();
    } finally {
      await collector.close();
    }
  });

  it('maxGetBytes does not limit POST', async () => {
    const collector = await startCollector({ port: 0 });
    try {
      const emitter = new Emitter(collector.url, { maxGetBytes: 100 });
      new Tracker(emitter).trackStructEvent({ category: 'c', action: 'a', label: 'x'.repeat(500) });
      expect(await emitter.flush()).toMatchObject({ ok: true });
      await emitter.close();
      expect(collector.store.counts()).toMatchObject({ good: 1, bad: 0 });
    } finally {
      await collector.close();
    }
  });
});
