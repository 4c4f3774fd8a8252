import type { ReactNode } from 'react';

/** Chart heights in px: one place, so the grid lines up. */
export const CHART_HEIGHT = 220;
export const CHART_MARGIN = { top: 8, right: 12, bottom: 22, left: 4 } as const;

export const COLORS = {
  fund: '#1f5fbf',
  badDebt: '#c2410c',
  socialized: '#b42318',
  vault: '#6d28d9',
  uncovered: '#4b5563',
  zero: '#94a3b8',
  price: '#1d2330',
  grid: '#e5e9f0',
  axis: '#5b6475',
} as const;

export const AXIS_TICK = { fill: COLORS.axis, fontSize: 12 } as const;

/**
 * A chart with its title, a one-line caption saying what it shows, and — instead of an empty or flat chart —
 * a sentence when there is nothing to draw.
 */
export function ChartCard({
  id,
  title,
  caption,
  controls,
  empty,
  wide = false,
  children,
}: {
  id: string;
  title: string;
  caption: ReactNode;
  controls?: ReactNode;
  /** Shown instead of the chart when set. */
  empty?: string | null;
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    <figure className={wide ? 'chart-card wide' : 'chart-card'} aria-labelledby={`${id}-title`} data-testid={id}>
      <div className="chart-head">
        <h3 id={`${id}-title`}>{title}</h3>
        {controls}
      </div>
      {empty ? (
        <p className="chart-empty" data-testid={`${id}-empty`}>
          {empty}
        </p>
      ) : (
        <div className="chart-body">{children}</div>
      )}
      <figcaption>{caption}</figcaption>
    </figure>
  );
}
