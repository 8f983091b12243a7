// Chromium through Playwright (Debian's /usr/bin/chromium): the adapter is a thin wrapper
// of Playwright's Page, which has every command natively.
import { chromium, type BrowserContext, type LaunchOptions, type Page } from '@playwright/test';
import type { ClickOptions, Driver, Launched, Tab } from './types.js';

function wrap(page: Page): Tab {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return {
    goto: async (url) => void (await page.goto(url)),
    url: () => page.evaluate(() => location.href),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    click: (selector, options: ClickOptions = {}) => page.click(selector, { button: options.button ?? 'left', modifiers: options.modifiers ?? [] }),
    type: (selector, text) => page.locator(selector).first().pressSequentially(text),
    reload: async () => void (await page.reload()),
    back: async () => void (await page.goBack()),
    close: async () => {
      const closed = new Promise((resolve) => page.once('close', resolve));
      await page.close({ runBeforeUnload: true });
      await closed;
    },
    errors: async () => [...errors],
  };
}

function profile(context: BrowserContext): Driver {
  return {
    engine: 'chromium',
    async open(url) {
      const page = await context.newPage();
      const tab = wrap(page);
      await tab.goto(url);
      return tab;
    },
    close: () => context.close(),
  };
}

/** Launches Chromium with the config's `launchOptions`. */
export async function launchChromium(options: LaunchOptions): Promise<Launched> {
  const browser = await chromium.launch(options);
  return {
    profile: async () => profile(await browser.newContext()),
    close: () => browser.close(),
  };
}
