/**
 * The link from `closeOnSignals` (in every build) to the Node exit report (Node entry
 * only): the Node lifecycle installs it when its first emitter is created, so that the
 * browser and neutral builds, where `closeOnSignals` does nothing, never carry the
 * lifecycle and its messages.
 */
let report: (() => number) | undefined;

/** Reports what every Node emitter still holds (see `abandonAll`); 0 where no Node emitter exists. */
export function reportExit(): number {
  return report ? report() : 0;
}

/** Called by the Node lifecycle. */
export function installExitReport(run: () => number): void {
  report = run;
}
