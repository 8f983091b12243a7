import * as http from 'node:http';
import * as https from 'node:https';
import type { Transport, TransportRequest, TransportResponse } from './types.js';

export interface NodeHttpTransportOptions {
  /** Reuse connections between requests. @defaultValue true */
  keepAlive?: boolean;
  /** Most sockets per collector host. @defaultValue 16 */
  maxSockets?: number;
  /** Agent for `http:` collectors; replaces the transport's own (which is then not destroyed on close). @defaultValue a keep-alive agent */
  httpAgent?: http.Agent;
  /** Agent for `https:` collectors. @defaultValue a keep-alive agent */
  httpsAgent?: https.Agent;
}

/**
 * The Node transport: `node:http`/`node:https` with keep-alive agents. Node's agent
 * unrefs idle sockets (its `keepSocketAlive`), so they never hold the process; `close()`
 * destroys the agents this transport created.
 */
export function nodeHttpTransport(options: NodeHttpTransportOptions = {}): Transport {
  const agentOptions = { keepAlive: options.keepAlive ?? true, maxSockets: options.maxSockets ?? 16, scheduling: 'lifo' as const };
  let ownHttp: http.Agent | undefined;
  let ownHttps: https.Agent | undefined;
  const agentFor = (secure: boolean): http.Agent => {
    if (secure) return options.httpsAgent ?? (ownHttps ??= new https.Agent(agentOptions));
    return options.httpAgent ?? (ownHttp ??= new http.Agent(agentOptions));
  };

  const transport: Transport = (request) => send(request, agentFor);
  transport.close = () => {
    ownHttp?.destroy();
    ownHttps?.destroy();
    ownHttp = ownHttps = undefined;
  };
  return transport;
}

function send(request: TransportRequest, agentFor: (secure: boolean) => http.Agent): Promise<TransportResponse> {
  return new Promise((resolve, reject) => {
    const secure = request.url.startsWith('https:');
    const headers: Record<string, string | number> = { ...request.headers };
    if (request.body !== undefined) headers['Content-Length'] = Buffer.byteLength(request.body);
    const req = (secure ? https : http).request(request.url, { method: request.method, headers, agent: agentFor(secure) });
    // A deadline for the whole exchange, not the socket's idle timeout.
    const timer = setTimeout(() => req.destroy(new Error(`isotrack: request timed out after ${request.timeout} ms`)), request.timeout);
    timer.unref();
    const fail = (error: Error): void => {
      clearTimeout(timer);
      reject(error);
    };
    req.on('error', fail);
    req.on('response', (res) => {
      res.on('error', fail);
      res.on('aborted', () => fail(new Error('isotrack: response aborted')));
      // Drain the body so the socket goes back to the pool.
      res.resume();
      res.on('end', () => {
        clearTimeout(timer);
        resolve({
          status: res.statusCode ?? 0,
          header: (name) => {
            const value = res.headers[name.toLowerCase()];
            return Array.isArray(value) ? value.join(', ') : value;
          },
        });
      });
    });
    req.end(request.body);
  });
}
