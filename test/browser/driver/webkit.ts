// WebKitGTK through WebDriver classic: /usr/bin/WebKitWebDriver drives MiniBrowser, the
// WebKitGTK demo browser, in automation mode, on an Xvfb display this adapter starts.
// WebDriver classic has no page-error events: errors come from the recorder script that
// the test site (helpers.ts startSite) puts at the top of every page.
import { spawn, type ChildProcess } from 'node:child_process';
import { Builder, Button, By, Key, type WebDriver } from 'selenium-webdriver';
import { historyBack, until, type ClickOptions, type Driver, type Launched, type Tab } from './types.js';

export const WEBKIT_DRIVER_PATH = process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver';
export const MINIBROWSER_PATH = process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

const KEYS = { Control: Key.CONTROL, Shift: Key.SHIFT, Alt: Key.ALT, Meta: Key.META } as const;

/** Starts Xvfb on a free display; resolves with the display (`:N`) and the process. */
async function startXvfb(): Promise<{ display: string; stop(): void }> {
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-nolisten', 'tcp', '-screen', '0', '1280x1024x24'], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  let log = '';
  xvfb.stderr!.on('data', (chunk) => (log += chunk));
  const display = await new Promise<string>((resolve, reject) => {
    let out = '';
    (xvfb.stdio[3] as NodeJS.ReadableStream).on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) resolve(`:${out.trim()}`);
    });
    xvfb.once('error', reject);
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited with ${code}: ${log}`)));
  });
  return { display, stop: () => void xvfb.kill() };
}

async function startWebDriver(display: string): Promise<{ url: string; process: ChildProcess }> {
  // A free port: let the OS pick one for a throwaway server, then hand it to WebKitWebDriver.
  const { createServer } = await import('node:net');
  const port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
  const child = spawn(WEBKIT_DRIVER_PATH, [`--port=${port}`, '--host=127.0.0.1'], { stdio: 'ignore', env: { ...process.env, DISPLAY: display } });
  const url = `http://127.0.0.1:${port}`;
  await until(async () => (await fetch(`${url}/status`)).ok, 'WebKitWebDriver to listen', 20_000);
  return { url, process: child };
}

/** WebDriver classic has one current window per session: commands of different tabs take turns. */
function queue() {
  let last: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const next = last.then(work, work);
    last = next.catch(() => undefined);
    return next;
  };
}

function profile(session: WebDriver, first: string): Driver {
  const turn = queue();
  // A window with no tab of ours in it: the session's first, then the one that keeps the
  // session alive when the last tab closes (closing a session's last window ends it).
  let spare: string | undefined = first;
  const open = new Set<string>();

  const wrap = (handle: string): Tab => {
    const seen: string[] = [];
    const run = <T>(work: () => Promise<T>) =>
      turn(async () => {
        await session.switchTo().window(handle);
        return work();
      });
    const evaluate = <R, A>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<Awaited<R>> =>
      run(async (): Promise<Awaited<R>> => {
        const script = `const done = arguments[arguments.length - 1];
          Promise.resolve().then(() => (${fn.toString()})(arguments[0])).then(
            (value) => done({ value: value === undefined ? null : value }),
            (error) => done({ error: String(error && error.stack || error) }));`;
        const result = (await session.executeAsyncScript(script, arg ?? null)) as { value?: Awaited<R>; error?: string };
        if (result.error !== undefined) throw new Error(`evaluate: ${result.error}`);
        return result.value as Awaited<R>;
      });
    // The recorder's list lives in the page: keep what a page collected before it goes.
    const keepErrors = async () => {
      seen.push(...(await evaluate(() => (window as unknown as { __pageErrors?: string[] }).__pageErrors ?? []).catch(() => [] as string[])));
    };
    const tab: Tab = {
      goto: async (url) => {
        await keepErrors();
        await run(() => session.get(url));
      },
      url: () => evaluate(() => location.href),
      evaluate,
      click: (selector, options: ClickOptions = {}) =>
        run(async () => {
          const element = await session.findElement(By.css(selector));
          let actions = session.actions({ async: true });
          for (const key of options.modifiers ?? []) actions = actions.keyDown(KEYS[key]);
          const button = options.button == 'middle' ? Button.MIDDLE : Button.LEFT;
          actions = actions.move({ origin: element }).press(button).release(button);
          for (const key of [...(options.modifiers ?? [])].reverse()) actions = actions.keyUp(KEYS[key]);
          await actions.perform();
        }),
      type: (selector, text) => run(async () => session.findElement(By.css(selector)).sendKeys(text)),
      reload: async () => {
        await keepErrors();
        await run(() => session.navigate().refresh());
      },
      back: async () => {
        await keepErrors();
        await historyBack(tab);
      },
      close: () =>
        turn(async () => {
          open.delete(handle);
          if (!open.size && !spare) {
            await session.switchTo().newWindow('tab');
            spare = await session.getWindowHandle();
          }
          await session.switchTo().window(handle);
          await session.close();
          // Commands need a current window.
          await session.switchTo().window(spare ?? [...open][0]!);
        }),
      errors: async () => [...seen, ...(await evaluate(() => (window as unknown as { __pageErrors?: string[] }).__pageErrors ?? []))],
    };
    return tab;
  };

  return {
    engine: 'webkit',
    async open(url) {
      const handle = await turn(async () => {
        if (spare) await session.switchTo().window(spare);
        else await session.switchTo().newWindow('tab');
        spare = undefined;
        const handle = await session.getWindowHandle();
        open.add(handle);
        await session.get(url);
        return handle;
      });
      return wrap(handle);
    },
    close: () => session.quit(),
  };
}

/** Starts Xvfb and WebKitWebDriver; each profile is a MiniBrowser session of its own (ephemeral storage). */
export async function launchWebKit(): Promise<Launched> {
  const xvfb = await startXvfb();
  const driver = await startWebDriver(xvfb.display).catch((error) => {
    xvfb.stop();
    throw error;
  });
  return {
    async profile() {
      const session = await new Builder()
        .usingServer(driver.url)
        .withCapabilities({ browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: MINIBROWSER_PATH, args: ['--automation'] } })
        .build();
      await session.manage().setTimeouts({ script: 30_000, pageLoad: 30_000 });
      return profile(session, await session.getWindowHandle());
    },
    close: async () => {
      driver.process.kill();
      xvfb.stop();
    },
  };
}
