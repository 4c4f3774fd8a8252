import { FIELD_DEFAULTS } from '../../engine/params/defaults';
import type { ImpactModel } from '../../engine/params/riskParams';
import { appStore } from '../../state/useAppStore';
import { formatCompact } from '../format';
import { VENUE_LIQUIDATION } from '../../engine/params/defaults';
import { IMPACT_FIELDS, KEEPER_FIELD, LIQUIDATION_FIELDS, MARK_WEIGHT_FIELD, ORACLE_DELAY_FIELD, SLICE_FIELDS } from './fieldSpecs';
import { toPercentText } from './fieldText';
import { CheckField, ParamField, SelectField } from './ParamField';
import { Section } from './Section';
import { useDraftValue } from './useDraftValue';

const IMPACT_OPTIONS: { value: ImpactModel; label: string; hint: string }[] = [
  { value: 'none', label: 'None (closes at the oracle price)', hint: 'Liquidations close at the oracle price: no cascades.' },
  { value: 'linear', label: 'Linear in notional', hint: 'Price moves in proportion to liquidated notional over depth.' },
  { value: 'sqrt', label: 'Square root of notional', hint: 'Price moves with the square root of notional over depth (the usual market-impact law).' },
];

/** How accounts are liquidated: penalty and its split, partial closes, keeper capacity, oracle lag, price impact. */
export function LiquidationSection() {
  const penalty = useDraftValue(['liquidation', 'penaltyRatio']);
  const partial = useDraftValue(['liquidation', 'partial']) === true;
  const model = (useDraftValue(['liquidation', 'impact', 'model']) as ImpactModel | undefined) ?? 'none';
  const depth = useDraftValue(['liquidation', 'impact', 'depth']);
  const sliceValue = useDraftValue(['liquidation', 'slice']);
  const sliced = typeof sliceValue === 'object' && sliceValue !== null;

  const summary = [
    typeof penalty === 'number' ? `penalty ${toPercentText(penalty)} %` : null,
    partial ? 'partial' : 'full',
    model === 'none' ? 'no impact' : `${model} impact${typeof depth === 'string' ? `, depth ${formatCompact(Number(depth))}` : ''}`,
  ]
    .filter(Boolean)
    .join(' · ');

  return (
    <Section id="section-liquidation" title="Liquidation" summary={summary} fields={['liquidation']} open={false}>
      {LIQUIDATION_FIELDS.map((spec) => (
        <ParamField key={spec.path.join('.')} spec={spec} />
      ))}
      <CheckField
        id="param-liquidation-partial"
        label="Partial liquidation"
        hint="Close only enough to restore the initial margin, as Binance and BitMEX try first; otherwise the whole position is closed."
        checked={partial}
        onChange={(checked) => appStore.getState().editDraft([{ path: ['liquidation', 'partial'], value: checked }])}
      />
      <ParamField spec={KEEPER_FIELD} />
      <ParamField spec={ORACLE_DELAY_FIELD} />
      <SelectField
        id="param-liquidation-impact-model"
        label="Price impact"
        hint={IMPACT_OPTIONS.find((o) => o.value === model)?.hint ?? null}
        value={model}
        options={IMPACT_OPTIONS}
        onChange={(next) => {
          const edits = [{ path: ['liquidation', 'impact', 'model'] as const, value: next }];
          // Depth is required for an impact model; keep the one there or take the documented default.
          const needsDepth = next !== 'none' && (typeof depth !== 'string' || depth === '');
          appStore.getState().editDraft(needsDepth ? [...edits, { path: ['liquidation', 'impact', 'depth'], value: FIELD_DEFAULTS.impactDepthWhenNone }] : edits);
        }}
      />
      {model !== 'none' && IMPACT_FIELDS.map((spec) => <ParamField key={spec.path.join('.')} spec={spec} />)}
      <ParamField spec={MARK_WEIGHT_FIELD} />
      <CheckField
        id="param-liquidation-slice"
        label="Slice large liquidations"
        hint="Large positions go to the book a slice at a time, then wait (Hyperliquid: 20 % of positions over 100k, then 30 s); otherwise a position closes in one piece."
        checked={sliced}
        onChange={(checked) => appStore.getState().editDraft([{ path: ['liquidation', 'slice'], value: checked ? { ...VENUE_LIQUIDATION.slice } : null }])}
      />
      {sliced && SLICE_FIELDS.map((spec) => <ParamField key={spec.path.join('.')} spec={spec} />)}
    </Section>
  );
}
