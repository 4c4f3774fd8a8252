export { ENGINE_VERSION } from './engineVersion';
export { canonicalJson } from './canonicalJson';
export { sha256Hex } from './sha256';
export { runIdOf, shortRunId, type RunIdentity } from './runId';
