// The parameters being edited, the baseline they are compared with, and how many paths to run them on.
// `params` is always VALID: every edit goes into `draft` first and reaches `params` only when validateParams
// accepts the whole draft, so an invalid value never starts a run. Defaults come from the engine's parameter
// module (data only — the page never imports simulation code).
import type { StateCreator } from 'zustand/vanilla';
import type { ParamProblem, RiskParams } from '../engine/params/riskParams';
import { DEFAULT_RUN, defaultParams } from '../engine/params/defaults';
import { validateParams, validateRunOptions } from '../engine/params/validateParams';
import type { AppState } from './store';

/** Where a value sits inside the parameters: ['margin', 'tiers', 1, 'maintenanceMarginRatio']. */
export type ParamPath = readonly (string | number)[];

export interface DraftEdit {
  path: ParamPath;
  /** The value to put there, as it would appear in a parameters file (may be invalid: that is the point). */
  value: unknown;
}

export interface ParamsSlice {
  /** The proposal: the last parameters that validated. Runs use these. */
  params: RiskParams;
  /** The parameters as edited, possibly invalid; equal in content to `params` when `draftProblems` is empty. */
  draft: unknown;
  /** What validateParams says about the draft, each problem naming its field ("margin.tiers[1].…"). */
  draftProblems: ParamProblem[];
  seed: number;
  paths: number;
  /** The parameters the proposal is compared with (same seed, same paths); null = no comparison. */
  baseline: RiskParams | null;
  /** Replaces the proposal if it validates (draft too); returns the problems, empty when it was applied. */
  setParams: (params: RiskParams) => ParamProblem[];
  /** Applies edits to the draft; the proposal follows only if the whole draft validates. Returns the problems. */
  editDraft: (edits: readonly DraftEdit[]) => ParamProblem[];
  /** Sets the seed if it is an integer 0..2^53 − 1; returns the problems. */
  setSeed: (seed: number) => ParamProblem[];
  /** Sets the number of paths if it is an integer 1..100,000; returns the problems. */
  setPaths: (paths: number) => ParamProblem[];
  /** baseline := the current (valid) proposal. */
  pinBaseline: () => void;
  clearBaseline: () => void;
  /** Default parameters, seed and paths (the baseline stays pinned). */
  resetParams: () => void;
}

function isContainer(value: unknown): value is Record<string | number, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The value at `path`, or undefined when the path leaves the object. Own properties only. */
export function getIn(root: unknown, path: ParamPath): unknown {
  let v = root;
  for (const key of path) {
    if (!isContainer(v) || !Object.hasOwn(v, key)) return undefined;
    v = v[key];
  }
  return v;
}

/** A copy of `root` with `value` at `path`; objects and arrays along the path are copied, the rest shared. */
export function setIn(root: unknown, path: ParamPath, value: unknown): unknown {
  if (path.length === 0) return value;
  const [key, ...rest] = path as [string | number, ...(string | number)[]];
  const child = isContainer(root) && Object.hasOwn(root, key) ? root[key] : undefined;
  const next = setIn(child, rest, value);
  if (Array.isArray(root) && typeof key === 'number') {
    const copy = root.slice();
    copy[key] = next;
    return copy;
  }
  const base = isContainer(root) && !Array.isArray(root) ? root : {};
  return { ...base, [key]: next };
}

/** Applies edits in order. */
export function applyEdits(root: unknown, edits: readonly DraftEdit[]): unknown {
  return edits.reduce((draft, edit) => setIn(draft, edit.path, edit.value), root);
}

export const createParamsSlice: StateCreator<AppState, [], [], ParamsSlice> = (set, get) => ({
  params: defaultParams(),
  draft: defaultParams(),
  draftProblems: [],
  seed: DEFAULT_RUN.seed,
  paths: DEFAULT_RUN.paths,
  baseline: null,
  setParams: (params) => {
    const result = validateParams(params);
    if (!result.ok) return result.problems;
    set({ params: result.params, draft: result.params, draftProblems: [] });
    return [];
  },
  editDraft: (edits) => {
    const draft = applyEdits(get().draft, edits);
    const result = validateParams(draft);
    if (!result.ok) {
      set({ draft, draftProblems: result.problems });
      return result.problems;
    }
    set({ params: result.params, draft: result.params, draftProblems: [] });
    return [];
  },
  setSeed: (seed) => {
    const result = validateRunOptions({ seed });
    if (!result.ok) return result.problems;
    if (get().seed !== seed) set({ seed });
    return [];
  },
  setPaths: (paths) => {
    const result = validateRunOptions({ paths });
    if (!result.ok) return result.problems;
    if (get().paths !== paths) {
      // The sample path shown must be one of the paths run.
      const pathIndex = Math.min(get().pathIndex, paths - 1);
      set(pathIndex === get().pathIndex ? { paths } : { paths, pathIndex });
    }
    return [];
  },
  pinBaseline: () => set({ baseline: get().params }),
  clearBaseline: () => set({ baseline: null }),
  resetParams: () => {
    const params = defaultParams();
    set({
      params,
      draft: params,
      draftProblems: [],
      seed: DEFAULT_RUN.seed,
      paths: DEFAULT_RUN.paths,
      pathIndex: Math.min(get().pathIndex, DEFAULT_RUN.paths - 1),
    });
  },
});
