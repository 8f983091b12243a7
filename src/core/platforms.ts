import { describe, fail } from './events/field-rules.js';

/**
 * Platform codes (`p`) the pipeline accepts. `headset` is in the current docs; older
 * Enrich versions reject it, so a tracker that must feed old pipelines should avoid it.
 */
export const PLATFORMS: readonly string[] = ['web', 'mob', 'pc', 'srv', 'app', 'tv', 'cnsl', 'iot', 'headset'];

/**
 * A platform code (`p`): web, mobile, desktop (`pc`), server (`srv`), general app,
 * connected TV, games console (`cnsl`), Internet of Things, or headset.
 */
export type PlatformCode = 'web' | 'mob' | 'pc' | 'srv' | 'app' | 'tv' | 'cnsl' | 'iot' | 'headset';

/**
 * A platform code, checked: any other value would make every event fail validation
 * in the pipeline, so it throws a TypeError naming `argument` instead.
 */
export function checkPlatform(value: unknown, argument: string): PlatformCode {
  if (!PLATFORMS.includes(value as string)) fail(argument, `must be one of ${PLATFORMS.join(', ')}, got ${describe(value)}`);
  return value as PlatformCode;
}
