import { useStore } from 'zustand';
import { pathTimingStore, trackPathTiming } from '../../state/pathTiming';
import { sweepCost } from '../../state/precisionPlan';
import { formatDuration } from '../../state/runCost';
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
  const cost = sweepCost(points, paths, timing);
  if (cost === null) return null;
  const { total, msPerPath, seconds, long } = cost;
  if (msPerPath === null || seconds === null) {
    return (
      <p className="sweep-expected" data-testid="sweep-expected">
        {formatInteger(points)} points × {formatInteger(paths)} paths = {formatInteger(total)} simulated paths; the time is estimated once a dashboard run has finished.
      </p>
    );
  }
  return (
    <p className={long ? 'sweep-expected long' : 'sweep-expected'} data-testid="sweep-expected" data-seconds={String(seconds)} data-long={String(long)}>
      {formatInteger(points)} points × {formatInteger(paths)} paths = {formatInteger(total)} simulated paths: expected {formatDuration(seconds)} at the dashboard’s last measured{' '}
      {msPerPath.toFixed(2)} ms per path{long ? '. A long run: fewer paths per point or fewer points finish sooner, and Cancel stops it.' : '.'}
    </p>
  );
}
