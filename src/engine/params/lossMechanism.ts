import { FIELD_DEFAULTS } from './defaults';
import type { LossMechanismParams } from './riskParams';

/** A loss mechanism as a file or a test may write it: the round-two fields may be left out. */
export type LossMechanismInput =
  | { kind: 'socialize'; base?: 'profit' | 'open-interest' }
  | { kind: 'adl'; ranking: Extract<LossMechanismParams, { kind: 'adl' }>['ranking']; size?: 'needed' | 'full'; closePrice?: 'bankruptcy' | 'mark'; trigger?: Extract<LossMechanismParams, { kind: 'adl' }>['trigger'] }
  | { kind: 'backstop'; takeoverEquityShare?: number; unwindSteps?: number }
  | { kind: 'bad-debt' };

/** Fills the fields a parameters file may omit with FIELD_DEFAULTS (the same values the schema supplies). */
export function withLossMechanismDefaults(m: LossMechanismInput): LossMechanismParams {
  switch (m.kind) {
    case 'socialize':
      return m.base === undefined ? { kind: 'socialize' } : { kind: 'socialize', base: m.base };
    case 'adl':
      return {
        kind: 'adl',
        ranking: m.ranking,
        size: m.size ?? FIELD_DEFAULTS.adlSize,
        closePrice: m.closePrice ?? FIELD_DEFAULTS.adlClosePrice,
        trigger: m.trigger ?? { ...FIELD_DEFAULTS.adlTrigger },
      };
    case 'backstop':
      return {
        kind: 'backstop',
        takeoverEquityShare: m.takeoverEquityShare ?? FIELD_DEFAULTS.backstopTakeoverEquityShare,
        unwindSteps: m.unwindSteps ?? FIELD_DEFAULTS.backstopUnwindSteps,
      };
    case 'bad-debt':
      return { kind: 'bad-debt' };
  }
}
