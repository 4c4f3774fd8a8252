// `--link 'URL'`: the run a share link encodes (parameters, seed, paths, and the baseline when one is pinned),
// decoded with the page's own codec (src/share/codec.ts), so the command line runs exactly what the page ran.
import { ENGINE_VERSION, type EstimatorMode } from '../engine/index';
import type { RiskParams } from '../engine/params/riskParams';
import { decodeShareState } from '../share/codec';

export type LinkInputs =
  | { ok: true; params: RiskParams; baseline: RiskParams | null; paths: number; seed: number; estimator: EstimatorMode; notes: string[]; expectedRunId: string | null }
  | { ok: false; problems: string[] };

/**
 * Reads a share link: the whole page URL or only its fragment (`#v=1&s=…`). A post's link also carries
 * `?engine=<version>&run=<run id>` in its query: a link made by another engine version is refused (its numbers
 * may differ), and the run id is returned so the caller can check it.
 */
export function readLinkInputs(link: string): LinkInputs {
  const text = link.trim();
  const hashAt = text.indexOf('#');
  if (hashAt < 0) return { ok: false, problems: ['the link has no #v=…&s=… part; copy the whole address from the page (Copy link)'] };
  const before = text.slice(0, hashAt);
  const queryAt = before.indexOf('?');
  const query = new URLSearchParams(queryAt >= 0 ? before.slice(queryAt + 1) : '');
  const engine = query.get('engine');
  if (engine !== null && engine !== ENGINE_VERSION) {
    return {
      ok: false,
      problems: [
        `this link was made by Haircut engine ${engine}, and this build is engine ${ENGINE_VERSION}; its numbers may differ from the ones it was posted with. Check out engine ${engine} to verify it, or remove engine=… from the link to run it on this engine.`,
      ],
    };
  }
  const decoded = decodeShareState(text.slice(hashAt));
  if (!decoded.ok) return { ok: false, problems: decoded.problems };
  const { state } = decoded;
  return {
    ok: true,
    params: state.params,
    baseline: state.baseline,
    paths: state.run.paths,
    seed: state.run.seed,
    // Absent in links made before rare-event mode: they showed plain sampling.
    estimator: state.run.estimator ?? 'plain',
    notes: decoded.notes,
    expectedRunId: query.get('run'),
  };
}
