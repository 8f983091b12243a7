import type { TrackerCommand } from '../browser/command-queue.js';
import { addOnCommands } from './registry.js';

/**
 * Adds an add-on's commands to the loaded core tag: `isotrack('enableLinkClickTracking', …)`
 * then calls `enableLinkClickTracking(tracker, …)` for every tracker (or those named).
 * Load add-ons after the core tag (`isotrack('addPlugin', url)` does).
 */
export function register(commands: Record<string, TrackerCommand>): void {
  Object.assign(addOnCommands, commands);
}
