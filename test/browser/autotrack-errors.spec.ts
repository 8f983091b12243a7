// Error tracking from the script tag, end to end with the dev collector: uncaught errors
// and unhandled rejections, a filter, trackError by hand, and no report of its own errors.
import { expect, test } from './driver/index.js';
import { counts, useCollectorAndSite, waitForEvents } from './helpers.js';
import { entityNames, eventData, named, namedInOrder, trackedPage } from './autotrack-helpers.js';

const live = useCollectorAndSite();

test('sends application_error for uncaught errors, unhandled rejections and trackError; a filter leaves some out; errors while reporting are not reported', async ({ driver }) => {
  live.site.page('/errors', trackedPage(live.collector.url, '<p>errors</p>', `
    isotrack('newTracker', 'sp', COLLECTOR, { appId: 'errors' });
    isotrack('enableErrorTracking', {
      filter: function (e) { return String(e.message || (e.reason && e.reason.message)).indexOf('ignore me') < 0; },
      contextAdder: function (e) {
        if (e.reason) throw new Error('contextAdder bug'); // caught, not reported
        return [{ schema: 'iglu:com.snowplowanalytics.snowplow/desktop_context/jsonschema/1-0-0', data: { osType: 'test', osVersion: '1' } }];
      },
    });
    // A plugin that throws on every error event it sees: warned about, never reported.
    isotrack('addPlugin', { beforeTrack: function (e) { if (e.schema.indexOf('application_error') > 0) throw new Error('plugin bug'); } });
    // Thrown from the page's own script, so that its stack has a frame of this page.
    window.boom = function () { setTimeout(function thrower() { throw new TypeError('uncaught boom'); }); };`));
  const page = await driver.open(`${live.site.url}/errors`);
  await page.evaluate(() => {
    (window as unknown as { boom: () => void }).boom();
    void Promise.reject(new Error('rejected boom'));
    setTimeout(() => {
      throw new Error('ignore me');
    });
    // A resource that fails to load is not a script error.
    const img = document.createElement('img');
    img.src = '/missing.png';
    document.body.append(img);
  });
  await page.evaluate(() => {
    (window as unknown as { isotrack: (...args: unknown[]) => void }).isotrack('trackError', { message: 'by hand', filename: 'app.js', lineno: 10, colno: 2, error: new RangeError('by hand') });
  });

  const events = await waitForEvents(live.collector, (all) => named(all, 'application_error').length >= 3);
  // One more event after them: anything the errors caused would have been tracked before it.
  await page.evaluate(() => (window as unknown as { isotrack: (...args: unknown[]) => void }).isotrack('trackStructEvent', { category: 'end', action: 'end' }));
  const all = await waitForEvents(live.collector, (list) => list.some((e) => e.se_ca === 'end'));
  const errors = namedInOrder(all, 'application_error');
  // The message is the browser's ErrorEvent.message, worded by each engine (docs/browser-support.md).
  const uncaughtMessage = driver.engine == 'chromium' ? 'Uncaught TypeError: uncaught boom' : 'TypeError: uncaught boom';
  const message = (e: Record<string, string>) => String(eventData(e).message);
  expect(errors.map(message).sort()).toEqual([uncaughtMessage, 'Unhandled rejection: rejected boom', 'by hand'].sort());
  const uncaught = errors.find((e) => message(e).endsWith('uncaught boom'))!;
  expect(eventData(uncaught)).toMatchObject({ programmingLanguage: 'JAVASCRIPT', exceptionName: 'TypeError', isFatal: true, lineNumber: expect.any(Number) });
  // The stack trace is Error.stack as the engine writes it: V8 starts it with the error's
  // name and message; SpiderMonkey and JavaScriptCore list only the frames.
  const stack = String(eventData(uncaught).stackTrace);
  expect(stack).toContain('thrower');
  expect(stack).toContain(`${live.site.url}/errors`);
  if (driver.engine == 'chromium') expect(stack).toContain('TypeError: uncaught boom');
  else expect(stack).not.toContain('uncaught boom');
  expect(entityNames(uncaught)).toContain('desktop_context');
  // Its contextAdder threw: sent without the entity.
  const rejection = errors.find((e) => message(e) === 'Unhandled rejection: rejected boom')!;
  expect(eventData(rejection)).toMatchObject({ exceptionName: 'Error', isFatal: true });
  expect(entityNames(rejection)).not.toContain('desktop_context');
  expect(eventData(errors.find((e) => eventData(e).message === 'by hand')!)).toMatchObject({ fileName: 'app.js', lineNumber: 10, lineColumn: 2, exceptionName: 'RangeError' });
  expect(events.length).toBeGreaterThanOrEqual(3);
  expect(await counts(live.collector)).toMatchObject({ good: 4, bad: 0 });
});
