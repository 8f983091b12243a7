import { Emitter as CoreEmitter } from '../emitter/emitter.js';
import type { EmitterOptions } from '../emitter/options.js';
import { createNodePlatform } from './platform.js';

/** The Emitter of the Node entry: Node http transport, Node defaults and the exit flush. */
export class Emitter extends CoreEmitter {
  constructor(endpoint: string, options?: EmitterOptions) {
    super(endpoint, options, createNodePlatform());
  }
}
