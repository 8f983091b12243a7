import { reportExit } from './exit-report.js';

/** Options of {@link closeOnSignals}. */
export interface CloseOnSignalsOptions {
  /**
   * Milliseconds the flush may take before the process goes on exiting (and, one second
   * later, the most it waits for any `close()`). @defaultValue each emitter's `flushTimeout` (10000)
   */
  timeout?: number | undefined;
}

/** What `closeOnSignals` closes: a `Tracker`, an `Emitter`, or anything with `close()`. */
export interface Closable {
  close(options?: { timeout?: number | undefined }): Promise<unknown>;
}

type Signal = 'SIGTERM' | 'SIGINT' | 'SIGHUP' | 'SIGQUIT' | 'SIGUSR2' | 'SIGBREAK';

interface NodeProcess {
  pid: number;
  on(signal: string, listener: (signal: string) => void): unknown;
  off(signal: string, listener: (signal: string) => void): unknown;
  listenerCount(signal: string): number;
  kill(pid: number, signal: string): unknown;
}

/**
 * Graceful shutdown in one line: on the first of `signals`, closes `target` (flushing
 * what is queued within `timeout`), then lets the process end as it would have
 * without this handler: when no other listener for that signal remains, the signal is
 * raised again with its default action (the process dies of it: exit status 128 + its
 * number, e.g. 143 for SIGTERM); when the app has its own handlers, they decide.
 * Events still undelivered by then are reported through `onDrop(count, 'exit')` and a
 * console warning (Node entry).
 *
 * `closeOnSignals(tracker, ['SIGTERM', 'SIGINT'], { timeout: 5000 })`
 *
 * Where there is no `process` (browsers, workers) it does nothing. Returns a function
 * that removes the handlers.
 */
export function closeOnSignals(target: Closable, signals: readonly Signal[] = ['SIGTERM', 'SIGINT'], options: CloseOnSignalsOptions = {}): () => void {
  const proc = (globalThis as { process?: Partial<NodeProcess> }).process;
  if (typeof proc?.on != 'function' || typeof proc.kill != 'function') return () => undefined;
  const node = proc as NodeProcess;
  const dispose = () => {
    for (const signal of signals) node.off(signal, onSignal);
  };
  function onSignal(signal: string): void {
    dispose();
    let ended = false;
    const done = () => {
      if (ended) return;
      ended = true;
      clearTimeout(backstop);
      // The app's own handlers decide how it ends (what is left is reported at exit);
      // otherwise the process is about to die of the signal: report what is left now.
      if (node.listenerCount(signal) > 0) return;
      reportExit();
      node.kill(node.pid, signal);
    };
    // `close` never rejects and ends by its timeout; with a timeout given, a custom target
    // that breaks either promise does not keep the process alive past it either.
    const backstop = options.timeout === undefined ? undefined : setTimeout(done, options.timeout + 1_000);
    Promise.resolve()
      .then(() => target.close(options.timeout === undefined ? undefined : { timeout: options.timeout }))
      .then(done, done);
  }
  for (const signal of signals) node.on(signal, onSignal);
  return dispose;
}
