// CPU time used by this process while `work` runs, so that a check is about the work done
// and not about how busy the shared machine was (wall time would flake).
export async function cpuMillis(work: () => Promise<unknown>): Promise<number> {
  const before = process.cpuUsage();
  await work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/**
 * CPU used by `attack` divided by CPU used by `baseline` (a request of the same size that
 * is harmless). A linear-time collector keeps this near 1; a quadratic one multiplies it.
 */
export async function cpuRatio(baseline: () => Promise<unknown>, attack: () => Promise<unknown>): Promise<number> {
  await baseline(); // warm-up: JIT, first-use compilation of schemas
  const base = Math.max(await cpuMillis(baseline), 5);
  return (await cpuMillis(attack)) / base;
}
