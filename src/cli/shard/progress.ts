import { performance } from 'node:perf_hooks';

export interface ProgressSink {
  write(text: string): unknown;
  isTTY?: boolean;
}

/**
 * Progress of a long run on stderr (never stdout, so `--json` output stays clean): items done, rate and ETA.
 * On a terminal one line is rewritten in place; in a log file (a Slurm task's output, `kubectl logs`) a line is
 * written at most every `everyMs` and once at the end, so logs stay short.
 */
export class Progress {
  private readonly t0: number;
  private lastWrite = -Infinity;

  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly unit: string,
    private readonly sink: ProgressSink = process.stderr,
    private readonly everyMs = 5_000,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.t0 = now();
  }

  /** Reports `done` of `total` items; the last call (done = total) always writes. */
  update(done: number): void {
    const t = this.now();
    const finished = done >= this.total;
    if (!finished && t - this.lastWrite < (this.sink.isTTY ? 200 : this.everyMs)) return;
    this.lastWrite = t;
    const line = progressLine(this.label, done, this.total, this.unit, (t - this.t0) / 1000);
    if (this.sink.isTTY) this.sink.write(`\r\u001b[K${line}${finished ? '\n' : ''}`);
    else this.sink.write(`${line}\n`);
  }
}

/** "shard 2/4: 5,000/25,000 paths (20.0 %), 812 paths/s, ETA 25 s" — ETA from the mean rate so far. */
export function progressLine(label: string, done: number, total: number, unit: string, seconds: number): string {
  const rate = seconds > 0 ? done / seconds : 0;
  const share = total > 0 ? (100 * done) / total : 100;
  const tail = done >= total ? `done in ${formatSeconds(seconds)}` : rate > 0 ? `ETA ${formatSeconds((total - done) / rate)}` : 'ETA —';
  return `${label}: ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} ${unit} (${share.toFixed(1)} %), ${rate >= 10 ? Math.round(rate).toLocaleString('en-US') : rate.toPrecision(2)} ${unit}/s, ${tail}`;
}

function formatSeconds(s: number): string {
  if (s < 60) return `${s.toFixed(s < 10 ? 1 : 0)} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${Math.round(s - 60 * m)} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}
