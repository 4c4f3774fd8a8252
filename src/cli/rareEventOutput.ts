// What `simulate` adds for a share link's rare-event mode (or --estimator auto): the page's decision and, when
// it importance-samples, the summary it shows beside the plain numbers (the same as --estimator importance).
import { chooseEstimator, RARE_EVENT_THRESHOLD, runIdOf, simulateImportance, socializedPathsOf, type EstimatorChoice, type EstimatorMode, type ImportanceSummary, type RunSummary } from '../engine/index';
import type { RiskParams } from '../engine/params/riskParams';

export interface RareEventOutput {
  mode: EstimatorMode;
  estimator: EstimatorChoice['estimator'];
  why: EstimatorChoice['why'];
  /** Socialized paths of the plain run, and the count below which 'auto' importance-samples. */
  plainSocializedPaths: number;
  threshold: number;
  /** Why importance sampling could not run, or null. */
  note: string | null;
  /** The importance-sampled summary (with its run id), or null when the run stayed plain. */
  summary: (ImportanceSummary & { runId: string }) | null;
}

export function rareEventOf(mode: EstimatorMode, params: RiskParams, run: { seed: number; paths: number }, plain: RunSummary): RareEventOutput {
  const plainSocializedPaths = socializedPathsOf(plain);
  const choice = chooseEstimator(mode, params, plainSocializedPaths, plain.paths);
  const common = { mode, estimator: choice.estimator, why: choice.why, plainSocializedPaths, threshold: RARE_EVENT_THRESHOLD };
  if (choice.estimator === 'plain') return { ...common, note: choice.note, summary: null };
  const summary = { ...simulateImportance(params, run), runId: runIdOf({ params, seed: run.seed, paths: run.paths, data: 'estimator=importance' }) };
  return { ...common, note: null, summary };
}

const percent = (share: number) => `${(share * 100).toPrecision(2)} %`;

/** One line for the table output. */
export function rareEventLine(out: RareEventOutput): string {
  if (!out.summary) return out.note ? `Rare-event mode: ${out.note}\n` : '';
  const s = out.summary;
  const why = out.why === 'few-events' ? `${out.plainSocializedPaths} of ${s.paths} plain paths socialized (fewer than ${out.threshold}): ` : '';
  return `Rare-event mode: ${why}importance-sampled P(socialized) ${percent(s.pSocialized)} (95 % CI ${percent(s.pSocializedCI[0])} – ${percent(s.pSocializedCI[1])}), effective sample size ${Math.round(s.effectiveSampleSize)}\n`;
}
