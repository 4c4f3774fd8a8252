/**
 * The two measurements every speed script reads the same way: the CPU time of this process and the median of
 * repetitions. Shared by `npm run bench` (src/cli/bench.ts) and scripts/speed-compare.ts, so both report
 * comparable numbers; bench.ts runs as a CLI on import and so cannot be imported itself.
 */

/**
 * CPU time of this process so far (user + system, ms): on a shared machine wall time counts other jobs' turns,
 * CPU time mostly does not (it does include the garbage collector's helper threads).
 */
export function cpuNowMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** The median of a non-empty list (the mean of the middle two for an even count). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
