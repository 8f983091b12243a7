// Idle, slow and abandoned connections are dropped, and never keep others out.
// Real sockets against a real collector; the timeouts are set short so the test runs fast.
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCollector } from '../../collector/src/index.js';
import type { RunningCollector } from '../../collector/src/index.js';
import { TP2, counts, event, postEvents } from './helpers.js';

let collector: RunningCollector;
const sockets: Socket[] = [];

beforeAll(async () => {
  collector = await startCollector({ idleTimeoutMs: 400, headersTimeoutMs: 400, requestTimeoutMs: 800, keepAliveTimeoutMs: 1_000, maxConnections: 40 });
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await collector.close();
});

function open(port = collector.port): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.on('error', () => undefined); // a reset by the server is what some tests expect
    socket.resume(); // read (and drop) whatever the server answers, so that its close is seen
    socket.once('error', reject);
    sockets.push(socket);
  });
}

const closed = (socket: Socket): Promise<void> =>
  socket.closed ? Promise.resolve() : new Promise((resolve) => socket.once('close', () => resolve()));

/** Proves others are served: a normal tracker request and a read of the API. */
async function serves(): Promise<void> {
  const before = (await counts(collector.url)).good;
  expect((await postEvents(collector.url, [event()])).status).toBe(200);
  expect((await counts(collector.url)).good).toBe(before + 1);
}

describe('connection limits', () => {
  it('closes connections that never send a byte', async () => {
    const silent = await Promise.all(Array.from({ length: 30 }, () => open()));
    await serves();
    await Promise.all(silent.map(closed));
    await serves();
  });

  it('closes slowloris connections that trickle their headers', async () => {
    const slow = await Promise.all(Array.from({ length: 20 }, () => open()));
    const timers = slow.map((socket) => {
      socket.write(`POST ${TP2} HTTP/1.1\r\nHost: 127.0.0.1\r\n`);
      // One byte every 100 ms keeps the socket active: only headersTimeout can end it.
      return setInterval(() => socket.writable && socket.write('X'), 100);
    });
    try {
      await serves();
      await Promise.all(slow.map(closed));
    } finally {
      timers.forEach(clearInterval);
    }
    await serves();
  });

  it('closes a body that never completes', async () => {
    const socket = await open();
    socket.write(`POST ${TP2} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"sch`);
    const timer = setInterval(() => socket.writable && socket.write(' '), 100);
    await closed(socket).finally(() => clearInterval(timer));
    await serves();
  });

  it('closes kept-alive connections left idle', async () => {
    const socket = await open();
    socket.write(`GET /micro/all HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n`);
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
    await closed(socket);
    expect(answer).toMatch(/^HTTP\/1\.1 200/);
  });

  it('keeps serving with more idle connections open than the cap: the oldest idle ones make room', async () => {
    // Long timeouts here: only the cap can close these sockets within the test's time.
    const capped = await startCollector({ maxConnections: 10, idleTimeoutMs: 120_000, headersTimeoutMs: 120_000 });
    try {
      const idle: Socket[] = [];
      for (let i = 0; i < 30; i++) idle.push(await open(capped.port));
      await Promise.all(idle.slice(0, 20).map(closed));
      expect(idle.slice(20).every((socket) => !socket.closed)).toBe(true);
      const before = (await counts(capped.url)).good;
      expect((await postEvents(capped.url, [event()])).status).toBe(200);
      expect((await counts(capped.url)).good).toBe(before + 1);
    } finally {
      await capped.close();
    }
  });
});
