import type { Transport } from '../transports/types.js';
import type { PlatformDefaults } from './options.js';

/** What an emitter needs from the platform it runs on. Entries pass one; users never see it. */
export interface EmitterPlatform {
  /** Creates the default transport; called once per emitter, and only if no `transport` option is given. */
  transport?(): Transport;
  /** Schedules the send that a track call starts. @defaultValue queueMicrotask */
  defer?(task: () => void): void;
  /** Defaults that replace the neutral ones (see `NODE_DEFAULTS`). */
  defaults?: PlatformDefaults;
  /** Called once the emitter is constructed (e.g. Node registers its exit flush). */
  onCreate?(emitter: LifecycleEmitter): void;
  /** Called once the emitter is closed. */
  onClose?(emitter: LifecycleEmitter): void;
}

/** The part of an emitter that lifecycle hooks use. */
export interface LifecycleEmitter {
  /** Events held (waiting, retrying or in flight). */
  pending(): number;
  flush(options?: { timeout?: number }): Promise<unknown>;
  /** Gives up what is still held, reporting it (`onDrop(count, 'exit')`); returns the count. */
  abandon(): number;
}
