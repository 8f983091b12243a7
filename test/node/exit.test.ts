// A newcomer's first mistakes in a Node script, each reproduced in a real child process
// against a real loopback server (issue 22's table; issue 10 item 6): nothing is lost or
// stuck without one message that says why and names the fix. A callback that is set
// (`onFailure`, `onDrop`) replaces the matching messages.
import { beforeAll, describe, expect, it } from 'vitest';
import { closedAfterEachTest, freePort } from '../emitter/helpers/collector.js';
import { nodeEntry, runScript } from './helpers/child.js';

let entry = '';
beforeAll(async () => {
  entry = await nodeEntry();
}, 60_000);

const { collector } = closedAfterEachTest();

/** A script that tracks 3 events to `endpoint` with `options` (JS source), then runs `after`. */
const script = (endpoint: string, options: string, after = '') => `
  import { Emitter, Tracker } from ${JSON.stringify(entry)};
  const emitter = new Emitter(${JSON.stringify(endpoint)}, ${options});
  const tracker = new Tracker(emitter);
  for (let i = 0; i < 3; i++) tracker.trackStructEvent({ category: 'c', action: 'a' + i });
  ${after}
`;
const ON_DROP = `{ flushTimeout: 1500, maxRetryDelay: 200, onDrop: (count, reason) => console.log(JSON.stringify({ count, reason })) }`;
const lines = (text: string) => text.trim().split('\n').filter(Boolean);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('a wrong port or path: the collector answers 404', () => {
  it('one warning naming the URL, the status and the usual causes; flush() says ok: false', async () => {
    const c = await collector(() => ({ status: 404 }));
    const result = await runScript(script(`${c.url}/tp2`, '{}', 'console.log(JSON.stringify(await emitter.flush()));'), {}, 20_000);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: false, failed: 3 });
    const warnings = lines(result.stderr);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(new RegExp(`^isotrack: ${escape(c.url)}/tp2 answered HTTP 404; 3 event\\(s\\) dropped, not retried: usually a wrong port or path\\.`));
    expect(warnings[0]).toContain('without "/com.snowplowanalytics.snowplow/tp2"');
    expect(c.requests.length).toBeGreaterThan(0);
  });

  it('onFailure set: it is told, and replaces the warning', async () => {
    const c = await collector(() => ({ status: 404 }));
    const result = await runScript(script(c.url, `{ onFailure: (n, events, info) => console.log(info.cause, events.length) }`, 'await tracker.flush();'), {}, 20_000);
    expect(result.stdout.trim()).toBe('HTTP 404 3');
    expect(result.stderr).toBe('');
  });
});

describe('a bare host (https) against a plain-http collector', () => {
  it('says the TLS handshake failed and suggests http://, once; the exit wait is announced; the loss is named', async () => {
    const c = await collector();
    const result = await runScript(script(`127.0.0.1:${c.port}`, '{ maxRetryDelay: 200 }'), {}, 30_000);
    expect(result.code).toBe(0);
    const warnings = lines(result.stderr);
    const tls =
      `isotrack: TLS handshake with https://127.0.0.1:${c.port} failed (EPROTO: wrong version number): the collector seems to speak plain http. ` +
      `Use "http://127.0.0.1:${c.port}" as the endpoint (a bare host means https). Retrying meanwhile.`;
    // The script ends before the first request has failed. The exit wait is announced 0.3 s
    // into it, or at once if a failure is known by then: usually after the TLS line, naming
    // that failure; on a loaded machine the handshake can take longer, and the announcement
    // then comes first, without a cause. Either way each is said once, and the loss is named last.
    expect(warnings).toHaveLength(3);
    const wait = warnings.findIndex((line) => line.includes('still queued at exit'));
    expect(warnings.indexOf(tls)).toBe(wait == 0 ? 1 : 0);
    expect(warnings[wait]).toMatch(
      wait == 0
        ? /^isotrack: 3 event\(s\) for https:\/\/127\.0\.0\.1:\d+ still queued at exit; waiting up to 4\.7 s more to send them\./
        : /^isotrack: 3 event\(s\) for https:\/\/127\.0\.0\.1:\d+ still queued at exit \(last failure: EPROTO: wrong version number\); waiting up to (4\.7|5) s more to send them\./,
    );
    expect(warnings[2]).toBe(`isotrack: 3 event(s) for https://127.0.0.1:${c.port} lost at exit: not sent within the exit wait (last failure: EPROTO: wrong version number)`);
    expect(c.acceptedEids).toHaveLength(0);
  });
});

describe('collector down, a bounded flush({ timeout }), then the end of the script', () => {
  it('the exit does not wait a second time: one message, naming the caller\'s flush', async () => {
    const endpoint = `http://127.0.0.1:${await freePort()}`;
    const result = await runScript(script(endpoint, '{ maxRetryDelay: 200 }', 'console.log(JSON.stringify(await emitter.flush({ timeout: 800 })));'), {}, 20_000);
    expect(result.code).toBe(0);
    const flushed = JSON.parse(result.stdout) as { ok: boolean; timedOut: boolean; queued: number; inFlight: number };
    expect(flushed).toMatchObject({ ok: false, timedOut: true });
    // Waiting for a retry, or (under load) in a probe that has not failed yet.
    expect(flushed.queued + flushed.inFlight).toBe(3);
    const warnings = lines(result.stderr);
    expect(warnings, result.stderr).toHaveLength(2);
    // The flush's wait was not silent: the first failure said so at once.
    expect(warnings[0]).toMatch(new RegExp(`^isotrack: cannot reach ${escape(endpoint)} \\(ECONNREFUSED: .*\\); the events are kept and retried with backoff\\.`));
    expect(warnings[1]).toMatch(new RegExp(`^isotrack: 3 event\\(s\\) for ${escape(endpoint)} lost at exit: your flush\\(\\{ timeout \\}\\) or close\\(\\) ended before they were sent \\(last failure: ECONNREFUSED: `));
  });

  it('events tracked after the timed-out flush are still flushed at exit (announced)', async () => {
    const endpoint = `http://127.0.0.1:${await freePort()}`;
    const result = await runScript(
      script(endpoint, '{ maxRetryDelay: 200, flushTimeout: 600 }', `await tracker.flush({ timeout: 300 }); tracker.trackStructEvent({ category: 'c', action: 'late' });`),
      {},
      20_000,
    );
    const warnings = lines(result.stderr);
    expect(warnings[0]).toMatch(/^isotrack: cannot reach .* \(ECONNREFUSED: /);
    expect(warnings[1]).toMatch(/^isotrack: 4 event\(s\) for .* still queued at exit \(last failure: ECONNREFUSED: .*\); waiting up to 0\.6 s more/);
    expect(warnings[2]).toMatch(/^isotrack: 4 event\(s\) for .* lost at exit: not sent within the exit wait/);
    expect(warnings).toHaveLength(3);
  });
});

describe('process.exit() right after tracking', () => {
  it('the loss names the fix: await tracker.flush(), or closeOnSignals in a server', async () => {
    const c = await collector();
    const result = await runScript(script(c.url, '{}', 'process.exit(0);'), {}, 20_000);
    expect(result.code).toBe(0);
    expect(result.stderr.trim()).toBe(
      `isotrack: 3 event(s) for ${c.url} lost at exit: the process exited (process.exit()?) before they were sent (last failure: none). ` +
        'Call `await tracker.flush()` before process.exit(), or closeOnSignals(tracker) in a server.',
    );
    expect(c.acceptedEids).toHaveLength(0);
  });

  it('onDrop set: onDrop(3, "exit") replaces the warning', async () => {
    const c = await collector();
    const result = await runScript(script(c.url, ON_DROP, 'process.exit(0);'), {}, 20_000);
    expect(result.stdout.trim()).toBe('{"count":3,"reason":"exit"}');
    expect(result.stderr).toBe('');
  });
});

describe('events still queued at exit', () => {
  it('collector refusing connections, onDrop set: onDrop(3, "exit") replaces the exit messages (the failure is still said once)', async () => {
    const endpoint = `http://127.0.0.1:${await freePort()}`;
    const result = await runScript(script(endpoint, ON_DROP), {}, 20_000);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe('{"count":3,"reason":"exit"}');
    expect(lines(result.stderr)).toEqual([expect.stringMatching(new RegExp(`^isotrack: cannot reach ${escape(endpoint)} \\(ECONNREFUSED: `))]);
  });

  it('a collector that recovers within the exit wait: the wait is announced once the first request failed, then everything is delivered', async () => {
    const c = await collector((i) => ({ status: i < 2 ? 503 : 200 }));
    const result = await runScript(script(c.url, '{ maxRetryDelay: 200 }', 'while (!emitter.stats().retried) await new Promise((r) => setTimeout(r, 5));'), {}, 20_000);
    expect(result.code).toBe(0);
    expect(lines(result.stderr)).toEqual([
      `isotrack: ${c.url} answered HTTP 503; the events are kept and retried with backoff. (Set onFailure to handle failures yourself.)`,
      expect.stringMatching(/^isotrack: 3 event\(s\) for .* still queued at exit \(last failure: HTTP 503\); waiting up to 5 s more to send them\. To decide yourself, await tracker\.flush\(\{ timeout \}\)/),
    ]);
    expect(c.acceptedEids).toHaveLength(3);
  });

  it('a healthy collector: a script that simply ends delivers everything at exit and prints nothing', async () => {
    const c = await collector();
    const result = await runScript(script(c.url, '{}'), {}, 20_000);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(c.acceptedEids).toHaveLength(3);
  });

  it('a custom persistent store: the events are said to be kept, not lost, and not counted as dropped', async () => {
    const result = await runScript(
      `
      import { Emitter, Tracker } from ${JSON.stringify(entry)};
      // A store that would persist (here: a plain array standing in for a file or database).
      const waiting = [];
      const store = {
        get count() { return waiting.length; },
        get bytes() { return waiting.reduce((sum, e) => sum + e.bytes, 0); },
        add(event) { waiting.push(event); },
        take(limits) { return waiting.splice(0, Math.min(limits.count, waiting.length)); },
        ack() {},
        release(events) { waiting.unshift(...events); },
      };
      const emitter = new Emitter('http://127.0.0.1:9', { store });
      new Tracker(emitter).trackStructEvent({ category: 'c', action: 'a' });
      process.on('exit', () => console.log(emitter.stats().dropped));
      process.exit(0);
      `,
      {},
      20_000,
    );
    expect(result.stdout.trim()).toBe('0');
    expect(result.stderr.trim()).toMatch(/^isotrack: 1 event\(s\) for http:\/\/127\.0\.0\.1:9 not sent before exit, kept in your store for the next start \(last failure: none\)$/);
  });
});

describe('tracking after close()', () => {
  it('one warning, counted as dropped, and the next flush() says ok: false with the count', async () => {
    const c = await collector();
    const result = await runScript(
      script(
        c.url,
        '{}',
        `await tracker.close();
        tracker.trackStructEvent({ category: 'c', action: 'late1' });
        tracker.trackStructEvent({ category: 'c', action: 'late2' });
        const [flushed] = await tracker.flush();
        console.log(JSON.stringify({ dropped: emitter.stats().dropped, ok: flushed.ok, failed: flushed.failed }));`,
      ),
      {},
      20_000,
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ dropped: 2, ok: false, failed: 2 });
    expect(result.stderr.trim()).toBe('isotrack: tracked after close(): dropped');
    expect(c.acceptedEids).toHaveLength(3);
  });
});
