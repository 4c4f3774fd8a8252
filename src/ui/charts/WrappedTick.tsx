import { AXIS_TICK } from './ChartCard';

const LINE_CHARS = 9;

/** A category tick whose words wrap onto lines of about nine characters, so long labels never collide. */
export function WrappedTick({ x, y, payload }: { x?: number | string; y?: number | string; payload?: { value?: unknown } }) {
  const words = String(payload?.value ?? '').split(' ');
  const lines: string[] = [];
  for (const word of words) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= LINE_CHARS) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return (
    <text x={x} y={y} textAnchor="middle" fill={AXIS_TICK.fill} fontSize={AXIS_TICK.fontSize}>
      {lines.map((line, i) => (
        <tspan key={i} x={x} dy={i === 0 ? 12 : 13}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

interface AxisTickProps {
  x?: number | string;
  y?: number | string;
  payload?: { value?: unknown };
  index?: number;
  textAnchor?: 'start' | 'middle' | 'end' | 'inherit';
  verticalAnchor?: 'start' | 'middle' | 'end';
  tickFormatter?: (value: never, index: number) => string;
}

const DY = { start: '0.71em', middle: '0.355em', end: '0' } as const;

/**
 * An axis tick as one plain <text>, drawn like Recharts' default tick but without its word-wrapping Text, which
 * measures every label in the DOM on every redraw. Use with `interval={0}` (or a number), which skips Recharts'
 * own label measuring too.
 */
export function AxisTick({ x, y, payload, index = 0, textAnchor = 'middle', verticalAnchor = 'start', tickFormatter }: AxisTickProps) {
  const value = payload?.value;
  const text = tickFormatter ? tickFormatter(value as never, index) : String(value ?? '');
  return (
    <text x={x} y={y} dy={DY[verticalAnchor]} textAnchor={textAnchor} fill={AXIS_TICK.fill} fontSize={AXIS_TICK.fontSize} className="recharts-cartesian-axis-tick-value">
      {text}
    </text>
  );
}
