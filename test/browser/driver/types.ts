// The driver interface every browser scenario is written against: one scenario, three
// engines. Each engine has an adapter (chromium.ts, firefox.ts, webkit.ts); the
// Playwright Test fixture in index.ts hands a scenario the one of its project.

/** The engines the browser suite runs in. */
export type Engine = 'chromium' | 'firefox' | 'webkit';

/** Options of {@link Tab.click}. */
export interface ClickOptions {
  /** The mouse button. @defaultValue 'left' */
  button?: 'left' | 'middle';
  /** Keys held during the click (e.g. `['Control']` for a ctrl-click). @defaultValue none */
  modifiers?: ('Control' | 'Shift' | 'Alt' | 'Meta')[];
}

/** One tab of a {@link Driver}'s browser profile. Every method waits for its command to finish. */
export interface Tab {
  /** Navigates this tab to `url` and waits for its load event. */
  goto(url: string): Promise<void>;
  /** The document's current URL, read from the page (not from the driver's cache). */
  url(): Promise<string>;
  /**
   * Runs `fn(arg)` in the page and returns its (awaited) result. `fn` is sent as source
   * text: it must not use variables of the test file; pass what it needs as `arg`
   * (JSON-serialisable). A function that navigates away may reject: catch it.
   */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<Awaited<R>>;
  /** Clicks the first element matching the CSS `selector` as a user does (real input events). */
  click(selector: string, options?: ClickOptions): Promise<void>;
  /** Focuses the element matching `selector` and types `text` key by key. */
  type(selector: string, text: string): Promise<void>;
  /** Reloads and waits for the load event. */
  reload(): Promise<void>;
  /** Goes back one history entry (`history.back()`) and waits until the previous page shows (from the back/forward cache or loaded anew). */
  back(): Promise<void>;
  /** Closes the tab as a user does: the page gets `visibilitychange`/`pagehide`. Resolves when it is gone. */
  close(): Promise<void>;
  /** Uncaught errors and unhandled rejections of the page(s) shown in this tab so far. */
  errors(): Promise<string[]>;
}

/** One fresh browser profile (its own storage and cookies); a test gets its own. */
export interface Driver {
  /** The engine that runs the pages. */
  readonly engine: Engine;
  /** Opens a new tab in this profile at `url` and waits for its load event. */
  open(url: string): Promise<Tab>;
  /** Closes every tab and the profile. */
  close(): Promise<void>;
}

/** An engine launched once per Playwright worker; hands out fresh profiles. */
export interface Launched {
  profile(): Promise<Driver>;
  close(): Promise<void>;
}

/** Waits until `read()` returns a truthy value (retrying on errors, e.g. during a navigation). */
export async function until<T>(read: () => Promise<T>, what: string, timeout = 15_000): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const value = await read();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** `back()` for engines whose driver has no history command that waits for a back/forward cache restore. */
export async function historyBack(tab: Pick<Tab, 'evaluate' | 'url'>): Promise<void> {
  const from = await tab.url();
  await tab.evaluate(() => void setTimeout(() => history.back())).catch(() => undefined);
  await until(
    () => tab.evaluate((previous) => location.href != previous && document.readyState == 'complete', from),
    'the previous page to show after back()',
  );
}
