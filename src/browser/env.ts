/**
 * True in a window with a document. Checked at call time, never at import time,
 * so that importing any entry during server-side rendering touches no DOM global.
 */
export const inBrowser = (): boolean => typeof window == 'object' && typeof document == 'object';

/** Listens on `target` with a passive, capturing listener; returns the remover. */
export function listen(target: EventTarget, types: string, handler: (event: Event) => void): () => void {
  const names = types.split(' ');
  const options = { capture: true, passive: true };
  for (const name of names) target.addEventListener(name, handler, options);
  return () => {
    for (const name of names) target.removeEventListener(name, handler, options);
  };
}
