// A minimal collector for the benchmark: counts requests, body bytes and events
// (occurrences of `"eid"`, cheaper than parsing) and answers 200 at once. It runs
// in its own process so that it never competes with the tracker's event loop.
import * as http from 'node:http';

let requests = 0;
let bytes = 0;
let events = 0;

const server = http.createServer((req, res) => {
  if (req.url === '/stats') return res.end(JSON.stringify({ requests, bytes, events }));
  if (req.url === '/reset') {
    requests = bytes = events = 0;
    return res.end('{}');
  }
  requests++;
  let tail = '';
  req.on('data', (chunk) => {
    bytes += chunk.length;
    const text = tail + chunk.toString('latin1');
    for (let i = text.indexOf('"eid"'); i !== -1; i = text.indexOf('"eid"', i + 5)) events++;
    // Keep the end of the chunk: a marker may straddle two chunks.
    tail = text.slice(-4);
  });
  req.on('end', () => res.end());
});
server.keepAliveTimeout = 30_000;
server.listen(0, '127.0.0.1', () => {
  process.send?.({ port: server.address().port });
});
process.on('disconnect', () => process.exit(0));
