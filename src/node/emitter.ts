import type { BrowserEmitterOptions } from '../browser/emitter.js';
import { Emitter as CoreEmitter } from '../emitter/emitter.js';
import { createNodePlatform } from './platform.js';

/**
 * The Emitter of the Node entry: Node http transport, Node defaults and the exit flush.
 * It takes the same options as every entry's Emitter; the browser-only ones are ignored.
 */
export class Emitter extends CoreEmitter {
  constructor(endpoint: string, options?: BrowserEmitterOptions) {
    super(endpoint, options, createNodePlatform());
  }
}
