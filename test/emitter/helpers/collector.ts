import * as http from 'node:http';
import { afterEach } from 'vitest';
import type { AddressInfo } from 'node:net';

/** One request as the loopback collector saw it. */
export interface Received {
  /** `Date.now()` when the request arrived (same clock as the emitter: same process). */
  at: number;
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** The events it carried: POST `data` items, or the GET query as an object. */
  events: Record<string, string>[];
}

/** What the collector does with request number `index` (0-based): a status, or hang, or cut the connection. */
export type Behaviour = (index: number, request: Received) => { status: number; headers?: Record<string, string> } | 'hang' | 'destroy';

export interface Collector {
  url: string;
  port: number;
  requests: Received[];
  behaviour: Behaviour;
  /** Event ids of events that got a 2xx answer, in order of arrival. */
  acceptedEids: string[];
  /** Resolves once `n` events were accepted. */
  waitForAccepted(n: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

function parseEvents(method: string, url: string, body: string): Record<string, string>[] {
  if (method === 'GET') return [Object.fromEntries(new URL(url, 'http://x').searchParams)];
  try {
    const parsed = JSON.parse(body) as { data?: Record<string, string>[] };
    return parsed.data ?? [];
  } catch {
    return [];
  }
}

/** A real HTTP collector on 127.0.0.1 with a scripted answer per request. */
export async function startCollector(behaviour: Behaviour = () => ({ status: 200 }), port = 0): Promise<Collector> {
  const hanging = new Set<http.ServerResponse>();
  const waiters: { n: number; resolve: () => void }[] = [];
  const collector: Collector = {
    url: '',
    port: 0,
    requests: [],
    acceptedEids: [],
    behaviour,
    waitForAccepted(n, timeoutMs = 20_000) {
      if (collector.acceptedEids.length >= n) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`only ${collector.acceptedEids.length}/${n} events accepted`)), timeoutMs);
        waiters.push({ n, resolve: () => (clearTimeout(timer), resolve()) });
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const received: Received = {
        at: Date.now(),
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body,
        events: parseEvents(req.method ?? '', req.url ?? '', body),
      };
      const index = collector.requests.push(received) - 1;
      const answer = collector.behaviour(index, received);
      if (answer === 'hang') return void hanging.add(res);
      if (answer === 'destroy') return void req.socket.destroy();
      if (answer.status >= 200 && answer.status < 300) {
        for (const event of received.events) collector.acceptedEids.push(event.eid ?? '');
        for (const w of [...waiters]) if (collector.acceptedEids.length >= w.n) (waiters.splice(waiters.indexOf(w), 1), w.resolve());
      }
      res.writeHead(answer.status, answer.headers).end();
    });
  });
  // Long keep-alive, so a test notices if idle client sockets would hold a process open.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  collector.port = (server.address() as AddressInfo).port;
  collector.url = `http://127.0.0.1:${collector.port}`;
  return collector;
}

/** A port that was free a moment ago (nothing listens on it now). */
export async function freePort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * Whatever a test opens (collectors, emitters, servers) is closed after it, even
 * when it fails: `open.push({ close })` registers anything, `collector()` starts
 * a loopback collector and registers it.
 */
export function closedAfterEachTest() {
  const open: { close(): Promise<unknown> }[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((c) => c.close()));
  });
  const collector = async (behaviour?: Behaviour, port?: number): Promise<Collector> => {
    const c = await startCollector(behaviour, port);
    open.push(c);
    return c;
  };
  return { open, collector };
}
