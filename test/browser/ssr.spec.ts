// Server-side rendering: the browser entries load and work in Node without touching
// `window`, `document`, `navigator` or storage; browser features start only in a browser.
import { createRequire } from 'node:module';
import { expect, test } from '@playwright/test';
import { startCollector, waitForEvents } from './helpers.js';

test('importing the browser ESM entry and the UMD file in Node touches no DOM global', async () => {
  expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
  const browser = await import('../../dist/browser.js');
  const umd = createRequire(import.meta.url)('../../dist/isotrack.umd.min.js') as { Tracker: unknown; (...args: unknown[]): void };
  expect(typeof umd).toBe('function');
  expect(typeof umd.Tracker).toBe('function');
  const collector = await startCollector({ port: 0 });
  try {
    const tracker = browser.newTracker('ssr', collector.url, { appId: 'ssr' });
    tracker.trackPageView({ pageUrl: 'https://ssr.example/' });
    expect(typeof browser.enableActivityTracking(tracker)).toBe('function');
    await tracker.flush();
    const [event] = await waitForEvents(collector, (all) => all.length === 1);
    expect(event).toMatchObject({ e: 'pv', p: 'web', url: 'https://ssr.example/', aid: 'ssr' });
    expect(event!.duid).toBeUndefined();
  } finally {
    await collector.close();
  }
});
