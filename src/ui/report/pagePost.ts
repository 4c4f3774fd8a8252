// The forum post of what the page shows: the proposal (params) against the pinned baseline, from the run's
// summaries and paired comparison, with the page's share link. The same builder as `npm run report`.
import { runIdOf } from '../../engine/identity';
import type { RunComparison } from '../../engine/metrics/compareRuns';
import type { RunSummary } from '../../engine/metrics/summarizeRun';
import type { RiskParams } from '../../engine/params/riskParams';
import { buildForumPost, type ForumPost } from '../../report/forumPost';
import { withRunQuery } from '../../report/postLink';
import { sameMarketProblems } from '../../report/sameMarket';
import { DEFAULT_STEWARD_BOUNDS } from '../../report/stewardBounds';
import { encodeShareState } from '../../share/codec';
import { pageUrlSync, shareStateOf } from '../../state/urlSync';
import { appStore } from '../../state/useAppStore';

export type PagePost = { ok: true; post: ForumPost } | { ok: false; problems: string[] };

/** The share link of the current state, fresh (not waiting for the URL's debounce). */
export function currentPageLink(): string {
  const sync = pageUrlSync();
  if (sync) {
    sync.settle();
    return sync.currentLink();
  }
  return `${location.origin}${location.pathname}${location.search}#${encodeShareState(shareStateOf(appStore.getState()))}`;
}

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
  const proposalRunId = runIdOf({ params: input.params, ...run });
  return {
    ok: true,
    post: buildForumPost({
      baseline: { params: input.baseline, summary: input.baselineSummary, runId: runIdOf({ params: input.baseline, ...run }) },
      proposal: { params: input.params, summary: input.summary, runId: proposalRunId },
      comparison: input.comparison,
      run,
      link: withRunQuery(input.link, proposalRunId),
      bounds: DEFAULT_STEWARD_BOUNDS,
      ...(input.charts ? { charts: input.charts } : {}),
    }),
  };
}
