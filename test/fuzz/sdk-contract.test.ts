// Property-based fuzz of every track method and Subject setter against the dev
// collector. `npm test` runs it with a fixed seed; `npm run fuzz` with more runs and
// a random seed (FUZZ_RUNS, FUZZ_SEED).
import { describe, expect, it } from 'vitest';
import { fuzz } from './contract.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 20_000);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : process.env.FUZZ_RUNS ? Date.now() % 2 ** 31 : 20_260_412;

describe(`fuzz: ${RUNS} calls, seed ${SEED}`, () => {
  it('every call throws isotrack\'s TypeError or yields events the collector classifies good', async () => {
    const figures = await fuzz(SEED, RUNS);
    const { eids, goodEids, ...report } = figures;
    console.log(`fuzz (seed ${SEED}): ${JSON.stringify(report)}`);
    expect(report.badErrors).toEqual([]);
    expect(report.failures).toEqual([]);
    expect(report.bad).toBe(0);
    expect(report.calls).toBe(RUNS);
    // Each event arrived good, or (GET only) was dropped as unsendable and reported.
    expect(report.good + report.unsendable).toBe(report.events);
    const missing = eids.filter((eid) => !goodEids.has(eid));
    expect(missing.length).toBeLessThanOrEqual(report.unsendable);
    // The run exercised both sides of the contract.
    expect(report.typeErrors).toBeGreaterThan(RUNS / 10);
    expect(report.events).toBeGreaterThan(RUNS / 4);
  }, 600_000);
});
