// A post's link carries `?engine=<version>&run=<run id>` (src/report/postLink.ts). The page reads them once at
// start: a link from another engine version, or whose run id differs from what this page computes, raises a
// notice; then both are taken out of the address, so a link copied after any edit never carries a stale run id.
import { ENGINE_VERSION, shortRunId } from '../engine/identity';
import { selectRunIdentity } from './runIdentity';
import type { AppState } from './store';
import { linkNoticeStore } from './urlSync';

export interface RunQuery {
  engine: string | null;
  run: string | null;
}

export function readRunQuery(search: string): RunQuery {
  const query = new URLSearchParams(search);
  return { engine: query.get('engine'), run: query.get('run') };
}

/** The notice for a post link opened here, or null when it matches this engine and run. */
export function runQueryNotice(query: RunQuery, computedRunId: string): string | null {
  if (query.engine !== null && query.engine !== ENGINE_VERSION) {
    return `This link was posted with Haircut engine ${query.engine}; this page runs engine ${ENGINE_VERSION}, so its numbers may differ from the post's.`;
  }
  if (query.run !== null && query.run !== computedRunId) {
    return `This link was posted with run id ${shortRunId(query.run)}, but its parameters give run id ${shortRunId(computedRunId)} here: the link was edited or is read differently.`;
  }
  return null;
}

/** `search` without engine= and run= ('' when nothing is left). */
export function searchWithoutRunQuery(search: string): string {
  const query = new URLSearchParams(search);
  query.delete('engine');
  query.delete('run');
  const rest = query.toString();
  return rest === '' ? '' : `?${rest}`;
}

let checked = false;

/** Once per page: check and strip the post query. Call after URL sync applied the link's state. */
export function checkRunQueryOnce(state: AppState): void {
  if (checked) return;
  checked = true;
  const query = readRunQuery(location.search);
  if (query.engine === null && query.run === null) return;
  const notice = runQueryNotice(query, selectRunIdentity(state).runId);
  if (notice) linkNoticeStore.getState().show({ tone: 'info', title: notice, problems: [] });
  history.replaceState(history.state, '', `${location.pathname}${searchWithoutRunQuery(location.search)}${location.hash}`);
}
