// A collector in its own process, started from the built package with --expose-gc, that
// reports its retained memory (heap and external, after a full garbage collection) and its
// store's byte count on request over IPC: what the memory tests compare.
import { startCollector } from '../../collector/dist/collector.js';

const collector = await startCollector({ port: 0, ...JSON.parse(process.argv[2] ?? '{}') });
process.send({ url: collector.url });
process.on('message', (message) => {
  if (message === 'measure') {
    globalThis.gc();
    globalThis.gc();
    const { heapUsed, external, rss } = process.memoryUsage();
    process.send({ retained: heapUsed + external, rss, storeBytes: collector.store.bytes });
  } else if (message === 'stop') {
    void collector.close().then(() => process.exit(0));
  }
});
