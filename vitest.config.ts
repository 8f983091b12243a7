import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  // Tests that import src/ see the same version stamp as the rollup build.
  plugins: [{ name: 'version', transform: (code: string) => code.replaceAll('__ISOTRACK_VERSION__', version) }],
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/browser/**', 'node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Delivery tests run real servers and child processes; two cores are shared.
    maxWorkers: 2,
  },
});
