import type { AdlClosePrice, AdlSize, LossMechanismKind, SocializeBase } from '../../engine/params/riskParams';
import { appStore } from '../../state/useAppStore';
import type { FieldSpec } from './fieldSpecs';
import { ParamField, SelectField } from './ParamField';
import { useDraftValue } from './useDraftValue';

/** The round-two options of each loss mechanism (DESIGN.md §5), each named after the venue it comes from. */
const SIZE_OPTIONS: { value: AdlSize; label: string; hint: string }[] = [
  { value: 'needed', label: 'Only the contracts needed (BitMEX)', hint: 'Each counterparty loses only the contracts needed to cover the deficit.' },
  { value: 'full', label: 'Whole positions (dYdX v4)', hint: 'Each counterparty reached is closed in full: more profit is closed out than needed (overshoot).' },
];
const CLOSE_OPTIONS: { value: AdlClosePrice; label: string; hint: string }[] = [
  { value: 'bankruptcy', label: 'Bankruptcy price (BitMEX, dYdX)', hint: 'Counterparties are closed at the bankrupt position’s bankruptcy price: they pay the deficit.' },
  { value: 'mark', label: 'Mark price (OKX, Hyperliquid)', hint: 'Counterparties are closed at the mark: they lose the position, not money; the deficit stays uncovered.' },
];
type TriggerKind = 'fund-empty' | 'fund-drawdown';
const TRIGGER_OPTIONS: { value: TriggerKind; label: string; hint: string }[] = [
  { value: 'fund-empty', label: 'When the fund cannot pay', hint: 'ADL starts only once the insurance fund is empty (or at its per-step limit).' },
  { value: 'fund-drawdown', label: 'When the fund fell by a share (OKX)', hint: 'OKX: ADL starts once the fund fell 30 % within 8 hours, although it is not empty.' },
];
const BASE_OPTIONS: { value: SocializeBase; label: string; hint: string }[] = [
  { value: 'profit', label: 'Unrealized profit', hint: 'Traders in profit pay, pro rata to their profit.' },
  { value: 'open-interest', label: 'Open interest (Drift)', hint: 'Every open position on the paying side pays pro rata to its size, losers too (Drift).' },
];

const DRAWDOWN_SHARE: FieldSpec = {
  path: ['lossMechanism', 'trigger', 'share'],
  kind: 'percent',
  label: 'ADL after a fund drawdown of',
  unit: '%',
  hint: 'OKX: 30 %. The fund pays only down to (1 − this) × its highest balance within the window.',
};
const DRAWDOWN_WINDOW: FieldSpec = {
  path: ['lossMechanism', 'trigger', 'windowSteps'],
  kind: 'integer',
  label: 'Drawdown window',
  unit: 'steps',
  hint: 'OKX: 8 hours (480 one-minute steps).',
};
const TAKEOVER_SHARE: FieldSpec = {
  path: ['lossMechanism', 'takeoverEquityShare'],
  kind: 'percent',
  label: 'Vault takes over below',
  unit: '% of maintenance',
  hint: 'Hyperliquid: 2/3 of the maintenance margin. Above it, positions are sold into the book as usual.',
};
const UNWIND_STEPS: FieldSpec = {
  path: ['lossMechanism', 'unwindSteps'],
  kind: 'integer',
  label: 'Vault sells its inventory over',
  unit: 'steps',
  hint: 'Each position taken over is sold back into the book in equal parts over this many steps (with impact).',
};

export function MechanismOptionFields({ kind }: { kind: LossMechanismKind }) {
  const size = (useDraftValue(['lossMechanism', 'size']) as AdlSize | undefined) ?? 'needed';
  const closePrice = (useDraftValue(['lossMechanism', 'closePrice']) as AdlClosePrice | undefined) ?? 'bankruptcy';
  const trigger = (useDraftValue(['lossMechanism', 'trigger', 'kind']) as TriggerKind | undefined) ?? 'fund-empty';
  const base = (useDraftValue(['lossMechanism', 'base']) as SocializeBase | undefined) ?? 'profit';
  const edit = (path: string[], value: unknown) => appStore.getState().editDraft([{ path, value }]);
  if (kind === 'socialize') {
    return (
      <SelectField id="param-lossMechanism-base" label="Who pays" hint={BASE_OPTIONS.find((o) => o.value === base)?.hint ?? null} value={base} options={BASE_OPTIONS} onChange={(next) => edit(['lossMechanism', 'base'], next)} />
    );
  }
  if (kind === 'backstop') {
    return (
      <>
        <ParamField spec={TAKEOVER_SHARE} />
        <ParamField spec={UNWIND_STEPS} />
      </>
    );
  }
  if (kind !== 'adl') return null;
  return (
    <>
      <SelectField id="param-lossMechanism-size" label="ADL size" hint={SIZE_OPTIONS.find((o) => o.value === size)?.hint ?? null} value={size} options={SIZE_OPTIONS} onChange={(next) => edit(['lossMechanism', 'size'], next)} />
      <SelectField id="param-lossMechanism-closePrice" label="Counterparties closed at" hint={CLOSE_OPTIONS.find((o) => o.value === closePrice)?.hint ?? null} value={closePrice} options={CLOSE_OPTIONS} onChange={(next) => edit(['lossMechanism', 'closePrice'], next)} />
      <SelectField
        id="param-lossMechanism-trigger"
        label="ADL starts"
        hint={TRIGGER_OPTIONS.find((o) => o.value === trigger)?.hint ?? null}
        value={trigger}
        options={TRIGGER_OPTIONS}
        onChange={(next) => edit(['lossMechanism', 'trigger'], next === 'fund-drawdown' ? { kind: 'fund-drawdown', share: 0.3, windowSteps: 480 } : { kind: 'fund-empty' })}
      />
      {trigger === 'fund-drawdown' && (
        <>
          <ParamField spec={DRAWDOWN_SHARE} />
          <ParamField spec={DRAWDOWN_WINDOW} />
        </>
      )}
    </>
  );
}
