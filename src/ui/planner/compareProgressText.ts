// The lever comparison's progress line (issue #21): which search runs, the probe that just finished, how many
// are done and expected, and the time left at the pace measured so far (not only the time elapsed).
import type { CompareProgress, CompareStage } from '../../engine/planner/index';
import { LEVER_PATHS, sweepableParam } from '../../engine/params/sweepableParams';
import { formatPercent, formatSeconds, formatTimeLeft } from '../format';
import { formatParamValue } from './plannerRows';

export const STAGE_LABELS: Record<CompareStage, string> = {
  fund: 'Starting insurance fund',
  margin: 'Maintenance margin',
  throughput: 'Liquidation throughput',
  combination: 'Combination',
};

/**
 * Milliseconds left: the mean time per probe so far (at the last probe) times the probes still expected, less the
 * time since that probe; null before the first probe. Never below 0.
 */
export function timeLeftMs(progress: CompareProgress, latestAtMs: number, nowMs: number): number | null {
  if (progress.probesDone === 0) return null;
  const perProbe = latestAtMs / progress.probesDone;
  return Math.max(0, perProbe * progress.probesLeft - Math.max(0, nowMs - latestAtMs));
}

function lastValue(stage: CompareStage, value: number | null): string {
  if (stage === 'combination') return `${formatPercent(value ?? 0)} of the way to each lever’s own answer`;
  if (value === null) return sweepableParam(LEVER_PATHS[stage])?.nullMeans ?? 'none';
  return formatParamValue(LEVER_PATHS[stage], value);
}

/** "Maintenance margin: 6 % gives P = 3.10 % on 1,000 paths — still above the target." */
export function lastProbeSentence(p: CompareProgress): string {
  const verdict = p.last.passes ? 'meets the target' : 'does not meet the target';
  return `${STAGE_LABELS[p.stage]}: ${lastValue(p.stage, p.last.value)} gives P(socialized) = ${formatPercent(p.last.pSocialized)} on ${p.last.paths.toLocaleString('en-US')} paths — ${verdict}.`;
}

/** "12 probes done, about 9 left · about 40 s to go (18.2 s so far)". */
export function progressSentence(p: CompareProgress, latestAtMs: number, nowMs: number): string {
  const left = timeLeftMs(p, latestAtMs, nowMs);
  const probes = `${p.probesDone} ${p.probesDone === 1 ? 'probe' : 'probes'} done, about ${p.probesLeft} left`;
  const time = left === null ? '' : p.probesLeft === 0 ? ' · finishing' : ` · ${formatTimeLeft(left)} to go`;
  return `${probes}${time} (${formatSeconds(nowMs)} so far)`;
}
