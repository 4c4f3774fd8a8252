/** Nelder–Mead simplex minimisation (the standard coefficients 1, 2, ½, ½), deterministic, no derivatives. */
export function nelderMead(f: (x: number[]) => number, start: number[], step: number[], maxEvaluations = 4000, tolerance = 1e-10): number[] {
  const n = start.length;
  let simplex = [start, ...start.map((_, i) => start.map((v, j) => (i === j ? v + step[i]! : v)))];
  let values = simplex.map(f);
  let evaluations = n + 1;
  while (evaluations < maxEvaluations) {
    const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
    simplex = order.map((i) => simplex[i]!);
    values = order.map((i) => values[i]!);
    if (Math.abs(values[n]! - values[0]!) <= tolerance * (Math.abs(values[0]!) + tolerance)) break;
    const centroid = start.map((_, j) => simplex.slice(0, n).reduce((s, p) => s + p[j]!, 0) / n);
    const toward = (t: number) => centroid.map((c, j) => c + t * (simplex[n]![j]! - c));
    const reflected = toward(-1);
    const fr = f(reflected);
    evaluations++;
    if (fr < values[0]!) {
      const expanded = toward(-2);
      const fe = f(expanded);
      evaluations++;
      [simplex[n], values[n]] = fe < fr ? [expanded, fe] : [reflected, fr];
    } else if (fr < values[n - 1]!) {
      [simplex[n], values[n]] = [reflected, fr];
    } else {
      const contracted = fr < values[n]! ? toward(-0.5) : toward(0.5);
      const fc = f(contracted);
      evaluations++;
      if (fc < Math.min(fr, values[n]!)) [simplex[n], values[n]] = [contracted, fc];
      else {
        for (let i = 1; i <= n; i++) {
          simplex[i] = simplex[i]!.map((v, j) => simplex[0]![j]! + 0.5 * (v - simplex[0]![j]!));
          values[i] = f(simplex[i]!);
        }
        evaluations += n;
      }
    }
  }
  const best = values.indexOf(Math.min(...values));
  return simplex[best]!;
}

/** Central-difference Hessian of f at x with per-coordinate steps h. */
export function numericHessian(f: (x: number[]) => number, x: number[], h: number[]): number[][] {
  const n = x.length;
  const at = (d: Array<[number, number]>) => f(x.map((v, i) => v + d.filter(([j]) => j === i).reduce((s, [, e]) => s + e, 0)));
  const f0 = f(x);
  const H = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    const hi = h[i]!;
    H[i]![i] = (at([[i, hi]]) - 2 * f0 + at([[i, -hi]])) / (hi * hi);
    for (let j = 0; j < i; j++) {
      const hj = h[j]!;
      const v = (at([[i, hi], [j, hj]]) - at([[i, hi], [j, -hj]]) - at([[i, -hi], [j, hj]]) + at([[i, -hi], [j, -hj]])) / (4 * hi * hj);
      H[i]![j] = v;
      H[j]![i] = v;
    }
  }
  return H;
}

/** Inverse of a symmetric positive-definite matrix by Gauss–Jordan with partial pivoting; null when singular. */
export function invert(matrix: number[][]): number[][] | null {
  const n = matrix.length;
  const a = matrix.map((row, i) => [...row, ...row.map((_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[pivot]![c]!)) pivot = r;
    if (!(Math.abs(a[pivot]![c]!) > 1e-300)) return null;
    [a[c], a[pivot]] = [a[pivot]!, a[c]!];
    const p = a[c]![c]!;
    a[c] = a[c]!.map((v) => v / p);
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const factor = a[r]![c]!;
      if (factor !== 0) a[r] = a[r]!.map((v, j) => v - factor * a[c]![j]!);
    }
  }
  return a.map((row) => row.slice(n));
}
