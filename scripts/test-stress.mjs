#!/usr/bin/env node
// `npm run test:stress`: proves the suite does not flake under load (issue 22). Runs
// `npm test` RUNS times in a row (default 5) while busy loops occupy every core (default:
// one per core), and prints one line per run (exit code, duration, failed tests) and a
// summary. Exits 0 only when every run passed.
//
//   npm run test:stress                         5 runs of `npm test`, one busy loop per core
//   RUNS=1 BUSY=2 npm run test:stress           one run with two busy loops
//   npm run test:stress -- npx vitest run test/node   any command instead of `npm test`
//
// Takes about RUNS × the length of `npm test` under load: start it when the machine is yours.
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

const runs = Number(process.env.RUNS ?? 5);
const busy = Number(process.env.BUSY ?? availableParallelism());
const command = process.argv.slice(2);
const [cmd, ...args] = command.length ? command : ['npm', 'test'];

// A busy loop per core, in worker threads of this process: they end with it.
const loops = Array.from({ length: busy }, () => new Worker('for (;;) {}', { eval: true }));
console.log(`test:stress: ${runs} run(s) of \`${[cmd, ...args].join(' ')}\` beside ${busy} busy loop(s) on ${availableParallelism()} core(s)`);

function run() {
  return new Promise((resolve) => {
    const started = Date.now();
    let output = '';
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
    const keep = (chunk) => {
      output += chunk;
      // Only the tail matters for the summary; the whole log would be hundreds of MB over five runs.
      if (output.length > 4_000_000) output = output.slice(-2_000_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('exit', (code, signal) => {
      // vitest: "FAIL  path > name"; playwright: "  ✘  n [engine] › path:line:col › name".
      const failures = [...new Set(output.split('\n').filter((line) => /^\s*(FAIL\s|✘)/.test(line)).map((line) => line.trim()))];
      resolve({ code: code ?? signal, seconds: Math.round((Date.now() - started) / 1000), failures, tail: output.slice(-3000) });
    });
  });
}

const results = [];
for (let i = 1; i <= runs; i++) {
  const result = await run();
  results.push(result);
  console.log(`run ${i}/${runs}: exit ${result.code}, ${result.seconds} s${result.failures.length ? `, failed:\n    ${result.failures.join('\n    ')}` : ''}`);
  if (result.code !== 0 && !result.failures.length) console.log(result.tail);
}
for (const loop of loops) await loop.terminate();
const passed = results.filter((r) => r.code === 0).length;
console.log(`test:stress: ${passed}/${runs} passed; durations ${results.map((r) => `${r.seconds} s`).join(', ')}`);
process.exitCode = passed === runs ? 0 : 1;
