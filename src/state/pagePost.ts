// The forum post of what the page shows: the proposal (params) against the pinned baseline, from the run's
// summaries and paired comparison, with the page's share link. The same builder as `npm run report`; a plain
// function of the store's state (and the link), so it is tested in Node.
import type { RunComparison } from '../engine/metrics/compareRuns';
import type { RunSummary } from '../engine/metrics/summarizeRun';
import type { RiskParams } from '../engine/params/riskParams';
import { buildForumPost, type ForumPost } from '../report/forumPost';
import { withRunQuery } from '../report/postLink';
import { sameMarketProblems } from '../report/sameMarket';
import { DEFAULT_STEWARD_BOUNDS } from '../report/stewardBounds';
import { runIdentityOf } from './runIdentity';

export type PagePost = { ok: true; post: ForumPost } | { ok: false; problems: string[] };

export interface PagePostInput {
  params: RiskParams;
  baseline: RiskParams;
  summary: RunSummary;
  baselineSummary: RunSummary;
  comparison: RunComparison;
  seed: number;
  paths: number;
  link: string;
  charts?: { file: string; title: string }[];
}

export function pagePost(input: PagePostInput): PagePost {
  const problems = sameMarketProblems(input.baseline, input.params);
  if (problems.length > 0) return { ok: false, problems };
  const run = { paths: input.paths, seed: input.seed };
  const proposalRunId = runIdentityOf(input.params, input.seed, input.paths).runId;
  return {
    ok: true,
    post: buildForumPost({
      baseline: { params: input.baseline, summary: input.baselineSummary, runId: runIdentityOf(input.baseline, input.seed, input.paths).runId },
      proposal: { params: input.params, summary: input.summary, runId: proposalRunId },
      comparison: input.comparison,
      run,
      link: withRunQuery(input.link, proposalRunId),
      bounds: DEFAULT_STEWARD_BOUNDS,
      ...(input.charts ? { charts: input.charts } : {}),
    }),
  };
}
