import { useState } from 'react';
import type { RiskParams } from '../../engine/params/riskParams';
import { appStore, useAppStore } from '../../state/useAppStore';
import { formatInteger } from '../format';
import type { TapeFit } from '../../state/engines';

const ID = 'scenario-tape';
const MAX_SHOWN = 8;
/** Bootstrap blocks of 15 minutes of sub-steps on a 1-minute tape: long enough to keep a cascade's sequence. */
const BOOTSTRAP_BLOCK_SECONDS = 900;

const pm = (value: number, se: number | null, digits = 3) =>
  `${value.toPrecision(digits)}${se === null ? ' (SE n/a)' : ` ± ${se.toPrecision(2)}`}`;
/** A ratio and its standard error in percent (the file holds ratios; the form shows percent). */
const pmPct = (value: number, se: number | null) => `${pm(value * 100, se === null ? null : se * 100)} %`;

/** One day of the tape's steps (at least 2), the horizon a fitted or bootstrapped scenario runs over. */
function dayOf(stepSeconds: number): number {
  return Math.max(2, Math.min(100_000, Math.round(86_400 / stepSeconds)));
}

/**
 * A candle tape (Binance kline CSV or time,open,high,low,close[,volume]) dropped on the zone or picked: the
 * scenario becomes a replay of its sub-steps (open → low/high → close) and the market starts at its first
 * open. Every refusal names its row and column (the store parses it: tapeSlice.ts). "Fit to tape" estimates GBM and jump diffusion (with standard
 * errors) in a worker and offers them, or a historical bootstrap of the tape, as the scenario.
 */
export function TapeInput() {
  const { loaded, problems } = useAppStore((s) => s.tape);
  const { maxCandles, volumeExponent } = useAppStore((s) => s.tapeLimits);
  const [fit, setFit] = useState<TapeFit | 'running' | string | null>(null);
  const [over, setOver] = useState(false);

  const read = async (file: File) => {
    setFit(null);
    appStore.getState().loadTape(file.name, await file.text());
  };

  const applyScenario = (scenario: RiskParams['scenario'], steps: number) => {
    if (!loaded) return;
    appStore.getState().editDraft([
      { path: ['market'], value: { initialPrice: loaded.prices[0]!, steps, stepSeconds: loaded.stepSeconds } },
      { path: ['scenario'], value: scenario },
    ]);
  };

  const runFit = async () => {
    if (!loaded) return;
    setFit('running');
    try {
      setFit(await appStore.getState().fitTape(Float64Array.from(loaded.prices, Number), loaded.stepSeconds));
    } catch (error) {
      setFit(`The fit failed: ${(error as Error).message}`);
    }
  };

  const followsVolume = useAppStore((s) => s.params.liquidation.impact.volumeExponent !== undefined);
  const hasVolume = loaded !== null && loaded.hasVolume;
  const setFollowVolume = (on: boolean) => appStore.getState().setTapeFollowsVolume(on);

  const blockSteps = loaded ? Math.max(1, Math.min(loaded.prices.length - 1, Math.round(BOOTSTRAP_BLOCK_SECONDS / loaded.stepSeconds))) : 1;

  return (
    <div className="field tape-input">
      <div
        className={over ? 'tape-drop over' : 'tape-drop'}
        data-testid="tape-drop"
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(event) => {
          event.preventDefault();
          setOver(false);
          const file = event.dataTransfer.files[0];
          if (file) void read(file);
        }}
      >
        <label htmlFor={`${ID}-file`} className="file-label">
          Load a candle tape
        </label>{' '}
        <input
          id={`${ID}-file`}
          type="file"
          accept=".csv,.txt,text/csv,text/plain"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void read(file);
          }}
        />
        <p className="field-hint">
          Drop or pick a Binance kline CSV (no header, open time in ms) or a CSV with the header time,open,high,low,close
          (optionally ,volume); up to {formatInteger(maxCandles)} candles. Each candle becomes four steps — open,
          then the low and the high in the order the candle implies (low first when it closed up), then close — so wicks
          liquidate. The market starts at the first open.
        </p>
      </div>
      {problems.length > 0 && (
        <div className="field-problem" role="alert" data-testid="tape-problems">
          <p>The tape was not loaded:</p>
          <ul>
            {problems.slice(0, MAX_SHOWN).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          {problems.length > MAX_SHOWN && <p>…and {problems.length - MAX_SHOWN} more.</p>}
        </div>
      )}
      {loaded && (
        <div className="tape-loaded">
          <p data-testid="tape-summary">
            Replaying {loaded.name}: {formatInteger(loaded.candles)} candles of {loaded.intervalSeconds} s →{' '}
            {formatInteger(loaded.prices.length)} steps of {loaded.stepSeconds} s, starting at {loaded.prices[0]}.
          </p>
          <p className="tape-volume-depth">
            <input
              id={`${ID}-volume-depth`}
              type="checkbox"
              data-testid="tape-volume-depth"
              checked={followsVolume}
              disabled={!hasVolume && !followsVolume}
              onChange={(event) => setFollowVolume(event.target.checked)}
            />{' '}
            <label htmlFor={`${ID}-volume-depth`}>Book depth follows the candles’ volume</label>{' '}
            <span className="muted">
              {hasVolume
                ? `depth × clamp((volume / median volume)^${volumeExponent}, 0.1, 1): quiet candles thin the book, busy ones never deepen it (on 10 Oct 2025 volume spiked as books emptied). The file field is liquidation.impact.volumeExponent.`
                : 'This tape has no volume column.'}
            </span>
          </p>
          <button type="button" className="secondary small" onClick={() => void runFit()} disabled={fit === 'running'}>
            {fit === 'running' ? 'Fitting…' : 'Fit to tape'}
          </button>
          {typeof fit === 'string' && fit !== 'running' && (
            <p className="field-problem" role="alert">
              {fit}
            </p>
          )}
          {fit !== null && typeof fit === 'object' && (
            <div data-testid="tape-fit" className="tape-fit">
              <p>
                <strong>GBM</strong> (maximum likelihood, ± one standard error): drift {pmPct(fit.gbm.driftAnnual.value, fit.gbm.driftAnnual.se)} a year,
                vol {pmPct(fit.gbm.volAnnual.value, fit.gbm.volAnnual.se)} a year.{' '}
                <button type="button" className="secondary small" onClick={() => applyScenario({ kind: 'gbm', driftAnnual: fit.gbm.driftAnnual.value, volAnnual: fit.gbm.volAnnual.value }, dayOf(loaded.stepSeconds))}>
                  Use GBM fit
                </button>
              </p>
              <p>
                <strong>Jump diffusion</strong>: vol {pmPct(fit.jump.volAnnual.value, fit.jump.volAnnual.se)} a year, {pm(fit.jump.jumpIntensityAnnual.value, fit.jump.jumpIntensityAnnual.se)}{' '}
                jumps a year of mean {pmPct(fit.jump.jumpMean.value, fit.jump.jumpMean.se)} and stdev {pmPct(fit.jump.jumpStdev.value, fit.jump.jumpStdev.se)} (log size); log-likelihood{' '}
                {fit.jump.logLikelihood.toFixed(1)} vs GBM {fit.gbm.logLikelihood.toFixed(1)}.{' '}
                <button
                  type="button"
                  className="secondary small"
                  onClick={() =>
                    applyScenario(
                      {
                        kind: 'jump',
                        driftAnnual: fit.jump.driftAnnual.value,
                        volAnnual: fit.jump.volAnnual.value,
                        jumpIntensityAnnual: fit.jump.jumpIntensityAnnual.value,
                        jumpMean: fit.jump.jumpMean.value,
                        jumpStdev: fit.jump.jumpStdev.value,
                      },
                      dayOf(loaded.stepSeconds),
                    )
                  }
                >
                  Use jump fit
                </button>
              </p>
            </div>
          )}
          <p>
            <button type="button" className="secondary small" onClick={() => applyScenario({ kind: 'bootstrap', prices: loaded.prices, blockSteps }, dayOf(loaded.stepSeconds))}>
              Bootstrap this tape
            </button>{' '}
            <span className="muted">One day of paths built from blocks of {blockSteps} consecutive steps of the tape, each path its own draw.</span>
          </p>
        </div>
      )}
    </div>
  );
}
