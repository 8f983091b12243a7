import type { BrowserEmitterOptions } from '../browser/emitter.js';
import { Emitter as CoreEmitter } from '../emitter/emitter.js';
import { collectorBase } from '../emitter/endpoint.js';
import { MemoryEventStore } from '../emitter/memory-store.js';
import { PackedMemoryEventStore } from '../emitter/packed-memory-store.js';
import { EMITTER_DEFAULTS } from '../emitter/options.js';
import type { FlushResult } from '../emitter/types.js';
import { describeEmitter } from './lifecycle.js';
import { eventsSeen, failureNotices, type NodeNotices } from './notices.js';
import { createNodePlatform } from './platform.js';

/** Options as given, plus the Node entry's messages (see {@link failureNotices}). */
function withNotices(endpoint: string, options: BrowserEmitterOptions, notices: { current?: NodeNotices }): BrowserEmitterOptions {
  let url = '';
  try {
    url = collectorBase(endpoint, options.protocol ?? EMITTER_DEFAULTS.protocol, options.port);
  } catch {
    // The core constructor throws the same TypeError, naming the argument.
  }
  const n: NodeNotices = {
    url,
    quietDrops: !!options.onDrop,
    customStore: !!options.store && !(options.store instanceof MemoryEventStore),
  };
  notices.current = n;
  // The default queue keeps less per event than the browser's (see PackedMemoryEventStore).
  return { ...options, store: options.store ?? new PackedMemoryEventStore(), onFailure: failureNotices(n, options.onFailure) };
}

/**
 * The Emitter of the Node entry: Node http transport, Node defaults and the exit flush.
 * It takes the same options as every entry's Emitter; the browser-only ones are ignored.
 *
 * Without `onFailure`, a request given up (e.g. a 404 from a wrong port or path) or a TLS
 * handshake against a plain-http server prints one console warning naming the fix;
 * without `onDrop`, so does the exit flush (when it starts) and every event left at exit.
 * A callback that is set replaces the matching messages.
 */
export class Emitter extends CoreEmitter {
  private readonly notices: NodeNotices;

  constructor(endpoint: string, options: BrowserEmitterOptions = {}) {
    const holder: { current?: NodeNotices } = {};
    super(endpoint, withNotices(endpoint, options, holder), createNodePlatform());
    this.notices = holder.current!;
    const flushTimeout = options.flushTimeout ?? EMITTER_DEFAULTS.flushTimeout;
    describeEmitter(this, Object.assign(this.notices, { flushTimeout }));
  }

  override flush(options?: { timeout?: number | undefined }): Promise<FlushResult> {
    return super.flush(options).then((result) => this.remember(result));
  }

  override close(options?: { timeout?: number | undefined }): Promise<FlushResult> {
    return super.close(options).then((result) => this.remember(result));
  }

  /** A caller's flush that timed out: the exit flush will not wait a second time for the same events. */
  private remember(result: FlushResult): FlushResult {
    if (result.timedOut && !this.notices.exitFlushed) this.notices.timedOutAt = eventsSeen(this);
    return result;
  }
}
