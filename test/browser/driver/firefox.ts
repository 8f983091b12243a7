// Firefox ESR through WebDriver BiDi (puppeteer-core): Playwright's own Firefox build
// cannot be downloaded here, Debian's firefox-esr speaks BiDi.
import puppeteer, { type Browser, type BrowserContext, type KeyInput, type Page } from 'puppeteer-core';
import { historyBack, type ClickOptions, type Driver, type Launched, type Tab } from './types.js';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

function wrap(page: Page): Tab {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error instanceof Error ? error.message : String(error)));
  const tab: Tab = {
    goto: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
    // Puppeteer's own URL is stale after a back/forward cache restore: ask the page.
    url: () => page.evaluate(() => location.href),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    async click(selector, options: ClickOptions = {}) {
      const modifiers = (options.modifiers ?? []) as KeyInput[];
      for (const key of modifiers) await page.keyboard.down(key);
      try {
        await page.click(selector, { button: options.button ?? 'left' });
      } finally {
        for (const key of modifiers.reverse()) await page.keyboard.up(key);
      }
    },
    type: (selector, text) => page.type(selector, text),
    reload: async () => void (await page.reload({ waitUntil: 'load' })),
    // Puppeteer's goBack() never resolves when Firefox restores the page from its back/forward cache.
    back: () => historyBack(tab),
    close: async () => {
      const closed = new Promise((resolve) => page.once('close', resolve));
      await page.close({ runBeforeUnload: true });
      await closed;
    },
    errors: async () => [...errors],
  };
  return tab;
}

function profile(browser: Browser, context: BrowserContext): Driver {
  return {
    engine: 'firefox',
    async open(url) {
      const tab = wrap(await context.newPage());
      await tab.goto(url);
      return tab;
    },
    close: () => context.close(),
  };
}

/** Launches firefox-esr headless with a throwaway profile; each test gets a user context of its own. */
export async function launchFirefox(): Promise<Launched> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    extraPrefsFirefox: {
      // Loopback test servers only: no update checks, telemetry or safe-browsing lists.
      'app.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
    },
  });
  return {
    profile: async () => profile(browser, await browser.createBrowserContext()),
    close: () => browser.close(),
  };
}
