import type { PathRng } from '../rng/pathRng';

/** Reused across paths (one path is drawn at a time per worker, and callers read it before drawing again). */
let buffer = new Float64Array(0);

/**
 * The path's next `count` normals from `rng`, in draw order, in a buffer reused by the next call: a path whose
 * every step takes one normal draws them all first, so the generator runs in one tight loop.
 */
export function drawStepNormals(rng: PathRng, count: number): Float64Array {
  if (buffer.length < count) buffer = new Float64Array(Math.max(count, 2 * buffer.length));
  rng.fillNormals(buffer, count);
  return buffer;
}
