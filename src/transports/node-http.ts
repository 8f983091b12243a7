import * as http from 'node:http';
import * as https from 'node:https';
import type { NodeHttpTransportOptions } from './node-http-options.js';
import type { Transport, TransportRequest, TransportResponse } from './types.js';

export type { NodeHttpTransportOptions } from './node-http-options.js';

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
    // The options type the agents structurally (see node-http-options.ts); they are Node agents.
    if (secure) return (options.httpsAgent as https.Agent | undefined) ?? (ownHttps ??= new https.Agent(agentOptions));
    return (options.httpAgent as http.Agent | undefined) ?? (ownHttp ??= new http.Agent(agentOptions));
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
