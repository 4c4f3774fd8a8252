import type { AdlRanking, LossMechanismKind, LossMechanismParams } from '../../engine/params/riskParams';
import { MechanismOptionFields } from './MechanismOptionFields';
import { withLossMechanismDefaults } from '../../engine/params/lossMechanism';
import { appStore } from '../../state/useAppStore';
import { formatCompact } from '../format';
import { FUND_FIELDS } from './fieldSpecs';
import { ParamField, SelectField } from './ParamField';
import { Section } from './Section';
import { useDraftValue } from './useDraftValue';

/** The insurance fund: what it starts with, what flows in, its cap and how much it may pay per step. */
export function FundSection() {
  const initial = useDraftValue(['insuranceFund', 'initial']);
  return (
    <Section
      id="section-fund"
      title="Insurance fund"
      summary={typeof initial === 'string' && initial !== '' ? `starts at ${formatCompact(Number(initial))} quote` : ''}
      fields={['insuranceFund']}
      open
    >
      {FUND_FIELDS.map((spec) => (
        <ParamField key={spec.path.join('.')} spec={spec} />
      ))}
    </Section>
  );
}

export const MECHANISM_OPTIONS: { value: LossMechanismKind; label: string; hint: string }[] = [
  {
    value: 'socialize',
    label: 'Haircut traders’ profits (socialize)',
    hint: 'What the fund cannot pay is taken from traders in profit, pro-rata to profit (BitMEX 2015–16, OKX clawback, Deribit).',
  },
  {
    value: 'adl',
    label: 'Auto-deleverage (ADL)',
    hint: 'What the fund cannot cover is not sold into the book: only what fills at the bankruptcy price or better is sold, and opposite-side positions are closed against the rest, ranked (BitMEX, Binance, Bybit, dYdX, OKX, Hyperliquid).',
  },
  {
    value: 'backstop',
    label: 'Backstop vault',
    hint: 'A vault takes over positions far below maintenance with their margin, holds them and sells them back over time; it can gain or lose (Hyperliquid’s liquidator vault, HLP).',
  },
  { value: 'bad-debt', label: 'Leave it as bad debt', hint: 'Nobody is charged: the deficit stays on the protocol’s books as uncovered.' },
];

const RANKING_OPTIONS: { value: AdlRanking; label: string; hint: string }[] = [
  { value: 'pnl-leverage', label: 'PnL % × leverage (BitMEX)', hint: 'The most profitable, most leveraged positions are closed first (BitMEX, Binance, Bybit).' },
  { value: 'random', label: 'Random start (dYdX v4)', hint: 'Counterparties are taken from a random starting point, with no ranking (dYdX v4).' },
  {
    value: 'hyperliquid',
    label: 'Mark/entry × notional/equity (Hyperliquid)',
    hint: 'Hyperliquid’s documented index: positions furthest in profit relative to their account value first.',
  },
];

function mechanismFor(kind: LossMechanismKind, ranking: AdlRanking): LossMechanismParams {
  return withLossMechanismDefaults(kind === 'adl' ? { kind, ranking } : { kind });
}

/** Who bears a deficit the insurance fund cannot pay. */
export function MechanismSection() {
  const kind = (useDraftValue(['lossMechanism', 'kind']) as LossMechanismKind | undefined) ?? 'socialize';
  const ranking = (useDraftValue(['lossMechanism', 'ranking']) as AdlRanking | undefined) ?? 'pnl-leverage';
  const option = MECHANISM_OPTIONS.find((o) => o.value === kind);
  return (
    <Section id="section-mechanism" title="Loss mechanism" summary={option?.label ?? ''} fields={['lossMechanism']} open>
      <SelectField
        id="param-lossMechanism-kind"
        label="After the insurance fund"
        hint={option?.hint ?? null}
        value={kind}
        options={MECHANISM_OPTIONS}
        onChange={(next) => appStore.getState().editDraft([{ path: ['lossMechanism'], value: mechanismFor(next, ranking) }])}
      />
      {kind === 'adl' && (
        <SelectField
          id="param-lossMechanism-ranking"
          label="ADL order"
          hint={RANKING_OPTIONS.find((o) => o.value === ranking)?.hint ?? null}
          value={ranking}
          options={RANKING_OPTIONS}
          onChange={(next) => appStore.getState().editDraft([{ path: ['lossMechanism', 'ranking'], value: next }])}
        />
      )}
      <MechanismOptionFields kind={kind} />
    </Section>
  );
}
