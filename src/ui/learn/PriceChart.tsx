import { memo, useMemo } from 'react';
import type { LearnTrace } from '../../state/engines';
import { money, priceChartCaption } from './eventText';

const W = 640;
const H = 220;
const PAD = { left: 48, right: 12, top: 12, bottom: 24 };

/**
 * Index (the scenario's external price) and mark (what decides liquidations) over the whole path, liquidation
 * markers, and a cursor at the current step; the caption says which line liquidates.
 */
export function PriceChart({ trace, step, markImpactWeight, oracleDelaySteps }: { trace: LearnTrace; step: number; markImpactWeight: number; oracleDelaySteps: number }) {
  const frame = useFrame(trace);
  const x = frame.x(step);
  const liquidationsHere = trace.events.filter((e) => e.kind === 'liquidation' && e.step === step).length;
  return (
    <section className="panel learn-card learn-price" aria-labelledby="learn-price-title">
      <h3 id="learn-price-title">Price</h3>
      <p className="learn-readout" data-testid="learn-price">
        <span className="swatch swatch-market" /> mark {money(trace.marketPrice[step]!)}
        <span className="swatch swatch-scenario" /> index {money(trace.scenarioPrice[step]!)}
        <span className="swatch swatch-liq" /> liquidations {liquidationsHere > 0 ? `${liquidationsHere} at this step` : 'none at this step'}
      </p>
      <svg viewBox={`0 0 ${W} ${H}`} className="learn-svg" role="img" aria-label={`Price path: mark ${money(trace.marketPrice[step]!)}, index ${money(trace.scenarioPrice[step]!)} at step ${step}`}>
        <StaticLayer trace={trace} />
        <line x1={x} x2={x} y1={PAD.top} y2={H - PAD.bottom} className="learn-cursor" />
        <circle cx={x} cy={frame.y(trace.marketPrice[step]!)} r={4} className="learn-cursor-dot" />
      </svg>
      <p className="muted small learn-price-caption" data-testid="learn-price-caption">
        {priceChartCaption(markImpactWeight, oracleDelaySteps)}
      </p>
    </section>
  );
}

function useFrame(trace: LearnTrace) {
  return useMemo(() => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const a of [trace.scenarioPrice, trace.marketPrice]) {
      for (const v of a) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    const pad = (hi - lo) * 0.08 || 1;
    lo -= pad;
    hi += pad;
    const n = Math.max(1, trace.steps - 1);
    return {
      lo,
      hi,
      x: (t: number) => PAD.left + ((W - PAD.left - PAD.right) * t) / n,
      y: (p: number) => PAD.top + ((H - PAD.top - PAD.bottom) * (hi - p)) / (hi - lo),
    };
  }, [trace]);
}

/** Everything that does not move with the cursor, drawn once per trace. */
const StaticLayer = memo(function StaticLayer({ trace }: { trace: LearnTrace }) {
  const frame = useFrame(trace);
  const line = (a: Float64Array) => {
    const stride = Math.max(1, Math.floor(a.length / 800));
    let d = '';
    for (let t = 0; t < a.length; t += stride) d += `${t === 0 ? 'M' : 'L'}${frame.x(t).toFixed(1)},${frame.y(a[t]!).toFixed(1)}`;
    return d;
  };
  const ticks = [frame.lo + (frame.hi - frame.lo) * 0.1, (frame.lo + frame.hi) / 2, frame.hi - (frame.hi - frame.lo) * 0.1];
  const liquidations = trace.events.filter((e) => e.kind === 'liquidation');
  return (
    <g>
      {ticks.map((p) => (
        <g key={p}>
          <line x1={PAD.left} x2={W - PAD.right} y1={frame.y(p)} y2={frame.y(p)} className="learn-grid-line" />
          <text x={PAD.left - 6} y={frame.y(p) + 4} textAnchor="end" className="learn-axis">
            {p.toFixed(p > 1000 ? 0 : 1)}
          </text>
        </g>
      ))}
      <text x={PAD.left} y={H - 6} className="learn-axis">
        step 0
      </text>
      <text x={W - PAD.right} y={H - 6} textAnchor="end" className="learn-axis">
        step {trace.steps - 1}
      </text>
      <path d={line(trace.scenarioPrice)} className="learn-line-scenario" />
      <path d={line(trace.marketPrice)} className="learn-line-market" />
      {liquidations.map((e, i) => (
        <path key={i} d={`M${frame.x(e.step) - 4},${frame.y(e.fillPrice) - 4}l8,8m0,-8l-8,8`} className="learn-liq-marker" />
      ))}
    </g>
  );
});
