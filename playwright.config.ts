import { readdirSync, readFileSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import type { Engine } from './test/browser/driver/types.js';

// Browser tests drive Debian's Chromium: a test tool's own browser download
// cannot work on our machines (no network beyond the package registries).
// Specs written against the driver fixture (test/browser/driver/) also run in Firefox
// ESR and WebKitGTK; every other spec runs in Chromium only.
const browserDir = './test/browser';
const engineSpecs = readdirSync(browserDir).filter(
  (file) => file.endsWith('.spec.ts') && /from '\.\/driver\/index\.js'/.test(readFileSync(`${browserDir}/${file}`, 'utf8')),
);

export default defineConfig<object, { engine: Engine }>({
  testDir: browserDir,
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  timeout: 60_000,
  reporter: [['list']],
  use: {
    headless: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'chromium', use: { engine: 'chromium' } },
    { name: 'firefox', testMatch: engineSpecs, use: { engine: 'firefox' } },
    { name: 'webkit', testMatch: engineSpecs, use: { engine: 'webkit' } },
  ],
});
