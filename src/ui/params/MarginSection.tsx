import { useState } from 'react';
import type { MarginTier } from '../../engine/params/riskParams';
import { appStore } from '../../state/useAppStore';
import { MARGIN_FIELDS, tierFields } from './fieldSpecs';
import { toPercentText } from './fieldText';
import { ParamField } from './ParamField';
import { Section } from './Section';
import { TierAmountsTable } from './TierAmountsTable';
import { useDraftValue } from './useDraftValue';

const MAX_TIERS = 100;

/** A sensible next tier: ten times the last floor, ratios doubled (kept below 100 %), so the draft stays valid. */
function nextTier(tiers: readonly Partial<MarginTier>[], baseMmr: number, baseImr: number): MarginTier {
  const last = tiers[tiers.length - 1];
  const floor = last && typeof last.notionalFloor === 'string' && /^\d+(\.\d+)?$/.test(last.notionalFloor) ? Number(last.notionalFloor) * 10 : 1_000_000;
  const mmr = typeof last?.maintenanceMarginRatio === 'number' ? last.maintenanceMarginRatio : baseMmr;
  const imr = typeof last?.initialMarginRatio === 'number' ? last.initialMarginRatio : baseImr;
  const nextImr = Math.min(1, Number((imr * 2).toPrecision(12)));
  const nextMmr = Math.min(Number((mmr * 2).toPrecision(12)), Number((nextImr * 0.5).toPrecision(12)));
  return { notionalFloor: String(Math.round(floor)), maintenanceMarginRatio: Math.max(mmr, nextMmr), initialMarginRatio: nextImr };
}

/** Initial and maintenance margin, and the tiers that raise them for larger positions (risk limits). */
export function MarginSection() {
  const imr = useDraftValue(['margin', 'initialMarginRatio']);
  const mmr = useDraftValue(['margin', 'maintenanceMarginRatio']);
  const rawTiers = useDraftValue(['margin', 'tiers']);
  const tiers = Array.isArray(rawTiers) ? (rawTiers as Partial<MarginTier>[]) : [];
  const pct = (v: unknown) => (typeof v === 'number' ? `${toPercentText(v)} %` : '?');

  // A venue's tier table (Binance BTC: 9 rows, 27 inputs) is read from the amounts table below; its inputs open on
  // request so the keyboard does not walk through them on the way to the results.
  const [editorOpen, setEditorOpen] = useState(tiers.length <= 3);
  const setTiers = (next: unknown[]) => appStore.getState().editDraft([{ path: ['margin', 'tiers'], value: next }]);

  return (
    <Section
      id="section-margin"
      title="Margin"
      summary={`maintenance ${pct(mmr)} · initial ${pct(imr)}${tiers.length > 0 ? ` · ${tiers.length} ${tiers.length === 1 ? 'tier' : 'tiers'}` : ''}`}
      fields={['margin']}
      open
      phoneOpen
    >
      {MARGIN_FIELDS.map((spec) => (
        <ParamField key={spec.path.join('.')} spec={spec} />
      ))}
      <fieldset className="tiers">
        <legend>Tiers by position size</legend>
        <p className="field-hint">
          Larger positions need more margin: Binance and BitMEX raise both ratios with position notional (risk limits).
          Below the first tier the ratios above apply.
        </p>
        {tiers.length === 0 && <p className="muted small">No tiers: every position uses the ratios above.</p>}
        <details className="tier-editor" open={editorOpen} onToggle={(e) => setEditorOpen(e.currentTarget.open)}>
          <summary>{tiers.length === 0 ? 'Add a tier' : tiers.length === 1 ? 'Edit the tier' : `Edit the ${tiers.length} tiers`}</summary>
          {tiers.map((_, i) => (
            <div className="tier-row" key={i} role="group" aria-label={`Tier ${i + 1}`}>
              {tierFields(i).map((spec) => (
                <ParamField key={spec.path.join('.')} spec={spec} hideHint />
              ))}
              <button type="button" className="secondary small remove" aria-label={`Remove tier ${i + 1}`} onClick={() => setTiers(tiers.filter((__, j) => j !== i))}>
                Remove
              </button>
            </div>
          ))}
          <button
            type="button"
            className="secondary small"
            disabled={tiers.length >= MAX_TIERS}
            onClick={() => setTiers([...tiers, nextTier(tiers, typeof mmr === 'number' ? mmr : 0.05, typeof imr === 'number' ? imr : 0.1)])}
          >
            Add tier
          </button>
        </details>
        <TierAmountsTable mmr={mmr} imr={imr} tiers={tiers} />
      </fieldset>
    </Section>
  );
}
