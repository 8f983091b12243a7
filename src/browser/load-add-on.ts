// Loads an add-on script for `isotrack('addPlugin', url)`. The queue waits for it, but
// never for ever: a script that fails or takes longer than 5 s is reported once, and
// the commands after it run without it (an add-on that loads later still registers).
import { inBrowser } from './env.js';

/** How long the commands after `addPlugin` wait for its script. */
export const ADD_ON_TIMEOUT = 5_000;

/** Appends a script for `url`; calls `done` once: when it has run, failed or timed out. */
export function loadAddOn(url: string, done: () => void): void {
  if (!inBrowser()) return done();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const finish = (problem?: string) => {
    if (!timer) return;
    clearTimeout(timer);
    timer = undefined;
    if (problem) console.warn(`isotrack: add-on ${url} ${problem}; the commands after addPlugin run without it`);
    done();
  };
  const script = document.createElement('script');
  script.src = url;
  script.async = true;
  script.onload = () => finish();
  script.onerror = () => finish('failed to load');
  timer = setTimeout(() => finish(`did not load within ${ADD_ON_TIMEOUT / 1000} s`), ADD_ON_TIMEOUT);
  document.head.appendChild(script);
}
