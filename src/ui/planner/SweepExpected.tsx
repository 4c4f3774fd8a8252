import { useStore } from 'zustand';
import { expectedSeconds } from '../../engine/metrics/pathsForPrecision';
import { pathTimingStore, trackPathTiming } from '../../state/pathTiming';
import { HEAVY_RUN_SECONDS, formatDuration } from '../../state/runCost';
import { appStore } from '../../state/useAppStore';
import { formatInteger } from '../format';
import '../results/precision.css';

trackPathTiming(appStore);

/**
 * What a sweep will cost before it starts: points × paths per point, each point one side, at the dashboard's last
 * measured time per path (halved when that run simulated a baseline too). A long sweep is said so, with its time.
 */
export function SweepExpected({ points, paths }: { points: number; paths: number }) {
  const timing = useStore(pathTimingStore, (s) => s.last);
  if (!(Number.isInteger(points) && points > 0 && Number.isInteger(paths) && paths > 0)) return null;
  const total = points * paths;
  if (!timing) {
    return (
      <p className="sweep-expected" data-testid="sweep-expected">
        {formatInteger(points)} points × {formatInteger(paths)} paths = {formatInteger(total)} simulated paths; the time is estimated once a dashboard run has finished.
      </p>
    );
  }
  const seconds = expectedSeconds(total, timing.msPerPath / timing.sides);
  const long = seconds > HEAVY_RUN_SECONDS;
  return (
    <p className={long ? 'sweep-expected long' : 'sweep-expected'} data-testid="sweep-expected" data-seconds={String(seconds)} data-long={String(long)}>
      {formatInteger(points)} points × {formatInteger(paths)} paths = {formatInteger(total)} simulated paths: expected {formatDuration(seconds)} at the dashboard’s last measured{' '}
      {(timing.msPerPath / timing.sides).toFixed(2)} ms per path{long ? '. A long run: fewer paths per point or fewer points finish sooner, and Cancel stops it.' : '.'}
    </p>
  );
}
