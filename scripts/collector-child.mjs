// Runs the built `isotrack-collector` in a child process, so that its memory (RSS) is
// measured on its own. Shared by the collector's memory tests and `npm run soak`.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../collector/dist/collector-cli.js', import.meta.url));

/** Starts the collector with `args` (plus --port 0 --quiet); resolves once it listens. */
export function startChildCollector(args = []) {
  const child = spawn(process.execPath, [CLI, '--port', '0', '--quiet', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) {
        child.stdout.removeAllListeners('data');
        child.stdout.resume();
        resolve({
          url: match[1],
          pid: child.pid,
          /** Resident memory of the collector process, in bytes (Linux /proc). */
          rss: () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? NaN) * 1024,
          stop: () =>
            new Promise((done) => {
              child.once('exit', done);
              child.kill('SIGTERM');
            }),
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`the collector exited with ${code} before listening: ${out}`)));
  });
}
