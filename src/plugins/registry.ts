import type { TrackerCommand } from '../browser/command-queue.js';

/**
 * The script tag's commands that are functions of a tracker: empty in the core tag;
 * each add-on adds its own when its script runs (see register.ts).
 */
export const addOnCommands: Record<string, TrackerCommand> = {};
