// The delivery engine's public surface, for the entry files to re-export by name.
export { Emitter } from './emitter.js';
export { MemoryEventStore } from './memory-store.js';
export { EMITTER_DEFAULTS, NODE_DEFAULTS } from './options.js';
export type { EmitterOptions, DropReason, FailureInfo, PlatformDefaults } from './options.js';
export type { EventStore, TakeLimits } from './store.js';
export type { EmitterPlatform, LifecycleEmitter } from './platform.js';
export type { FlushResult, EmitterStats } from './types.js';
