import type { Transport } from '../transports/types.js';
import type { PlatformDefaults } from './options.js';

/** What an emitter needs from the platform it runs on. Entries pass one; users never see it. */
export interface EmitterPlatform {
  /** Creates the default transport; called once per emitter, and only if no `transport` option is given. */
  transport?: (() => Transport) | undefined;
  /** Schedules the send that a track call starts. @defaultValue queueMicrotask */
  defer?: ((task: () => void) => void) | undefined;
  /** Defaults that replace the neutral ones (see `NODE_DEFAULTS`). */
  defaults?: PlatformDefaults | undefined;
  /** Called once the emitter is constructed (e.g. Node registers its exit flush). */
  onCreate?: ((emitter: LifecycleEmitter) => void) | undefined;
  /** Called once the emitter is closed. */
  onClose?: ((emitter: LifecycleEmitter) => void) | undefined;
}

/** The part of an emitter that lifecycle hooks use. */
export interface LifecycleEmitter {
  /** Events held (waiting, retrying or in flight). */
  pending(): number;
  flush(options?: { timeout?: number | undefined }): Promise<unknown>;
  /** Gives up what is still held, reporting it (`onDrop(count, 'exit')`) unless `kept` (a persistent store keeps it); returns the count. */
  abandon(kept?: boolean): number;
  stats(): { delivered: number; failed: number; dropped: number };
}
