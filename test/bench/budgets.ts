/** What every benchmark script shares: budgets printed PASS or FAIL, a failing exit, and percentiles. */
export function budgets(what: string) {
  const failures: string[] = [];
  const missedTargets: string[] = [];
  return {
    /** Prints the line with its verdict; a miss fails the run. */
    check(ok: boolean, line: string) {
      console.log(`${line}: ${ok ? 'PASS' : 'FAIL'}`);
      if (!ok) failures.push(line);
    },
    /**
     * A target the project has set but does not meet yet: printed MET or MISSED with the reason it is not
     * enforced, and listed again at the end, but it does not fail the run. A target becomes a `check` once met.
     */
    target(ok: boolean, line: string, why: string) {
      console.log(`${line}: ${ok ? 'MET' : `MISSED (target, not yet enforced: ${why})`}`);
      if (!ok) missedTargets.push(line);
    },
    /** The closing line and the exit code. */
    finish() {
      for (const line of missedTargets) console.log(`Target not yet met: ${line}`);
      console.log(failures.length ? `${failures.length} ${what} budget(s) missed.` : `All ${what} budgets met.`);
      process.exitCode = failures.length ? 1 : 0;
    },
  };
}

/** The value at quantile `q` (0–1) of the samples: the sample at ⌊q·n⌋ of the sorted list. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = values.toSorted((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}
