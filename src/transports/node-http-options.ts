/**
 * The part of a Node `http.Agent` the transport uses. Typed structurally so that the
 * browser and neutral type declarations never reference `node:http` (a browser
 * project has no `@types/node`); a real `http.Agent` or `https.Agent` fits.
 */
export interface NodeAgent {
  destroy(): void;
}

/** Options of `nodeHttpTransport`. */
export interface NodeHttpTransportOptions {
  /** Reuse connections between requests. @defaultValue true */
  keepAlive?: boolean | undefined;
  /** Most sockets per collector host. @defaultValue 16 */
  maxSockets?: number | undefined;
  /** An `http.Agent` for `http:` collectors; replaces the transport's own (which is then not destroyed on close). @defaultValue a keep-alive agent */
  httpAgent?: NodeAgent | undefined;
  /** An `https.Agent` for `https:` collectors. @defaultValue a keep-alive agent */
  httpsAgent?: NodeAgent | undefined;
}
