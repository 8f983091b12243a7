// `npm install isotrack` brings the SDK's own runtime dependency only: the dev
// collector (ajv…) is its own package, and cross-fetch (→ node-fetch…) is an optional
// peer that is never installed by default. Measured on the packed tarball installed
// into an empty project, as a user installs it.
import { describe, expect, it } from 'vitest';
import { footprint } from '../../scripts/install-footprint.mjs';
import { packedProject } from './install.js';

describe('install footprint of the packed SDK', () => {
  it('installs isotrack and at most js-base64: no ajv, no node-fetch, no cross-fetch', async () => {
    const { packages, bytes } = footprint(await packedProject()) as { packages: string[]; bytes: number };
    console.log(`npm install isotrack (packed): ${packages.length} packages (${packages.join(', ')}), ${(bytes / 1e6).toFixed(2)} MB`);
    for (const unwanted of ['ajv', 'ajv-formats', 'node-fetch', 'cross-fetch', '@isotrack/collector']) {
      expect(packages).not.toContain(unwanted);
    }
    expect(packages).toContain('isotrack');
    expect(packages.every((name) => name === 'isotrack' || name === 'js-base64'), packages.join(', ')).toBe(true);
    expect(packages.length).toBeLessThanOrEqual(2);
  }, 300_000);
});
