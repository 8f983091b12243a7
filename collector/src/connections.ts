/**
 * Bounds on connections, so that idle, slow or abandoned clients cannot use up the
 * collector's sockets and file descriptors while others wait.
 * - Node's own timers: `headersTimeout` (slow headers, "slowloris"), `requestTimeout`
 *   (slow bodies) and `keepAliveTimeout` (idle kept-alive sockets);
 * - an inactivity timeout for sockets that never send a byte;
 * - a response timeout: a client that stops reading its answer is cut once nothing has
 *   left the socket for `responseTimeoutMs` (it would otherwise hold its slot for ever);
 * - a connection cap that, when full, closes the oldest idle connection for a new one; when
 *   every connection is busy, the one whose request has run longest (over
 *   {@link BUSY_EVICTION_MS}) goes, so that waves of slow clients cannot keep others out;
 *   a newcomer is refused only when every connection is busy with a recent request.
 */
import type { Server } from 'node:http';
import type { Socket } from 'node:net';

export interface ConnectionLimits {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  idleTimeoutMs: number;
  responseTimeoutMs: number;
  maxConnections: number;
}

/** A busy connection whose request started longer ago than this may be closed to let a new one in when the cap is full. */
export const BUSY_EVICTION_MS = 2_000;

interface SocketState {
  /** Requests in flight; 0 means idle. */
  inFlight: number;
  /** When the oldest request in flight started (ms since the epoch), 0 when idle. */
  busySince: number;
  /** `bytesWritten` at the last sweep, and since when it has not moved while output waits. */
  written: number;
  stalledSince: number;
}

/** Node checks headersTimeout/requestTimeout on an interval; a short one keeps the limits close. */
export function checkingIntervalMs(limits: ConnectionLimits): number {
  return Math.max(10, Math.min(1000, Math.floor(Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs) / 4)));
}

export function limitConnections(server: Server, limits: ConnectionLimits): void {
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = limits.requestTimeoutMs;
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  const open = new Map<Socket, SocketState>();

  server.on('connection', (socket: Socket) => {
    open.set(socket, { inFlight: 0, busySince: 0, written: 0, stalledSince: 0 });
    socket.setTimeout(limits.idleTimeoutMs, () => socket.destroy());
    socket.once('close', () => open.delete(socket));
    if (open.size <= limits.maxConnections) return;
    // Map keeps insertion order: the first idle socket found is the oldest idle one.
    let longestBusy: [Socket, number] | undefined;
    for (const [other, state] of open) {
      if (other === socket) continue;
      if (state.inFlight === 0) {
        other.destroy();
        return;
      }
      if (!longestBusy || state.busySince < longestBusy[1]) longestBusy = [other, state.busySince];
    }
    if (longestBusy && Date.now() - longestBusy[1] >= BUSY_EVICTION_MS) longestBusy[0].destroy();
    else socket.destroy();
  });

  server.on('request', (req, res) => {
    const socket = req.socket;
    const state = open.get(socket);
    if (!state) return;
    // From the first request on, Node's own timers (request, keep-alive) govern the socket;
    // a silence timer left running would cut a kept-alive socket the client may still reuse.
    if (state.inFlight === 0) {
      socket.setTimeout(0);
      state.busySince = Date.now();
    }
    state.inFlight++;
    res.once('close', () => {
      state.inFlight = Math.max(0, state.inFlight - 1);
      if (state.inFlight === 0) state.busySince = 0;
    });
  });

  // Output that waits in the socket's buffer without a byte leaving it means the client
  // stopped reading; checked on a timer because such a socket emits nothing at all.
  const sweep = setInterval(() => {
    const now = Date.now();
    for (const [socket, state] of open) {
      if (socket.writableLength === 0 || socket.bytesWritten !== state.written) {
        state.written = socket.bytesWritten;
        state.stalledSince = now;
      } else if (now - state.stalledSince >= limits.responseTimeoutMs) {
        socket.destroy();
      }
    }
  }, Math.max(10, Math.min(1000, Math.floor(limits.responseTimeoutMs / 4))));
  sweep.unref();
  server.once('close', () => clearInterval(sweep));
}
