/**
 * Bounds on connections, so that idle, slow or abandoned clients cannot use up the
 * collector's sockets and file descriptors while others wait.
 * - Node's own timers: `headersTimeout` (slow headers, "slowloris"), `requestTimeout`
 *   (slow bodies) and `keepAliveTimeout` (idle kept-alive sockets);
 * - an inactivity timeout for sockets that never send a byte;
 * - a connection cap that, when full, closes the oldest idle connection for a new one,
 *   and refuses the new one only when every connection is busy with a request.
 */
import type { Server } from 'node:http';
import type { Socket } from 'node:net';

export interface ConnectionLimits {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  idleTimeoutMs: number;
  maxConnections: number;
}

/** Node checks headersTimeout/requestTimeout on an interval; a short one keeps the limits close. */
export function checkingIntervalMs(limits: ConnectionLimits): number {
  return Math.max(10, Math.min(1000, Math.floor(Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs) / 4)));
}

export function limitConnections(server: Server, limits: ConnectionLimits): void {
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = limits.requestTimeoutMs;
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  // Requests in flight per socket; a socket with none is idle and may be closed for a newcomer.
  const open = new Map<Socket, number>();

  server.on('connection', (socket: Socket) => {
    open.set(socket, 0);
    socket.setTimeout(limits.idleTimeoutMs, () => socket.destroy());
    socket.once('close', () => open.delete(socket));
    if (open.size <= limits.maxConnections) return;
    // Map keeps insertion order: the first idle socket found is the oldest idle one.
    for (const [other, inFlight] of open) {
      if (inFlight === 0 && other !== socket) {
        other.destroy();
        return;
      }
    }
    socket.destroy();
  });

  server.on('request', (req, res) => {
    const socket = req.socket;
    // From the first request on, Node's own timers (request, keep-alive) govern the socket;
    // a silence timer left running would cut a kept-alive socket the client may still reuse.
    if (open.get(socket) === 0) socket.setTimeout(0);
    open.set(socket, (open.get(socket) ?? 0) + 1);
    res.once('close', () => {
      const inFlight = open.get(socket);
      if (inFlight !== undefined) open.set(socket, Math.max(0, inFlight - 1));
    });
  });
}
