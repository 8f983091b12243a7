// The Playwright Test fixture of the cross-engine scenarios: `test` gives each test a
// `driver` (a fresh profile of its project's engine). A spec that imports this module
// runs in the chromium, firefox and webkit projects (see playwright.config.ts).
import { test as base } from '@playwright/test';
import { launchChromium } from './chromium.js';
import { launchFirefox } from './firefox.js';
import type { Driver, Engine, Launched } from './types.js';
import { launchWebKit } from './webkit.js';

export { expect } from '@playwright/test';
export type { ClickOptions, Driver, Engine, Tab } from './types.js';

export const test = base.extend<{ driver: Driver }, { engine: Engine; launched: Launched }>({
  engine: ['chromium', { scope: 'worker', option: true }],
  launched: [
    async ({ engine, launchOptions }, use) => {
      const launched = engine == 'firefox' ? await launchFirefox() : engine == 'webkit' ? await launchWebKit() : await launchChromium(launchOptions);
      await use(launched);
      await launched.close();
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  driver: async ({ launched }, use) => {
    const driver = await launched.profile();
    await use(driver);
    await driver.close().catch(() => undefined);
  },
});
