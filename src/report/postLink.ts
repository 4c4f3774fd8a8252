// The share link a post carries: the page address with `?engine=<version>&run=<run id>` in its query and the state
// in its fragment. The page ignores the query (it keeps it in the address); `simulate --link` and `report --link`
// refuse a link from another engine version and check the run id, so a post's numbers are verifiable.
import { ENGINE_VERSION } from '../engine/identity';
import type { RiskParams } from '../engine/params/riskParams';
import { encodeShareState } from '../share/codec';
import { DEFAULT_VIEW } from '../share/shareState';

/** `link` with engine= and run= set in its query; its fragment kept as it is. */
export function withRunQuery(link: string, runId: string): string {
  const hashAt = link.indexOf('#');
  const address = hashAt < 0 ? link : link.slice(0, hashAt);
  const fragment = hashAt < 0 ? '' : link.slice(hashAt);
  const url = new URL(address);
  url.searchParams.set('engine', ENGINE_VERSION);
  url.searchParams.set('run', runId);
  return `${url.toString()}${fragment}`;
}

/** A fresh link to `site` for a proposal and its baseline (the CLI's; the page uses its own current link). */
export function postLink(site: string, state: { params: RiskParams; baseline: RiskParams; run: { paths: number; seed: number; populationCi?: true } }, runId: string): string {
  const fragment = encodeShareState({ params: state.params, baseline: state.baseline, run: { ...state.run }, view: { ...DEFAULT_VIEW } });
  return withRunQuery(`${site}#${fragment}`, runId);
}
