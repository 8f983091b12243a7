// Runs gc-child.mjs and asks it for its retained memory: the memory tests measure what the
// collector keeps (heap and external after a full GC), not RSS at one moment, which also
// holds garbage not yet collected and so depends on how busy the machine is.
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CollectorOptions } from '../../collector/src/index.js';

export interface Measure {
  /** Heap used plus external memory after a full GC, in bytes. */
  retained: number;
  rss: number;
  /** What the store counts for the events it keeps (`store.bytes`). */
  storeBytes: number;
}

export interface MeasuredCollector {
  url: string;
  measure(): Promise<Measure>;
  stop(): Promise<void>;
}

const CHILD = fileURLToPath(new URL('./gc-child.mjs', import.meta.url));

function next<T>(child: ChildProcess): Promise<T> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null): void => reject(new Error(`the collector exited with ${String(code)}`));
    child.once('exit', onExit);
    child.once('message', (message) => {
      child.off('exit', onExit);
      resolve(message as T);
    });
  });
}

export async function startMeasuredCollector(options: Omit<CollectorOptions, 'onEvent'> = {}): Promise<MeasuredCollector> {
  const child = fork(CHILD, [JSON.stringify(options)], { execArgv: ['--expose-gc'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const { url } = await next<{ url: string }>(child);
  return {
    url,
    measure: () => {
      const answer = next<Measure>(child);
      child.send('measure');
      return answer;
    },
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.send('stop');
      }),
  };
}
