import { describe, expect, it } from 'vitest';
import { withLossMechanismDefaults } from '../engine/params/lossMechanism';
import type { RiskParams } from '../engine/params/riskParams';
import { decodeShareState, encodeShareState } from './codec';
import { ADL_UPGRADE_NOTE, BACKSTOP_UPGRADE_NOTE } from './lossMechanismUpgrade';
import { defaultShareState, type ShareState } from './shareState';
import { legacyDefaultShareState } from './testing/v1Defaults';

const withMechanism = (lossMechanism: RiskParams['lossMechanism'] | Record<string, unknown>): ShareState => {
  const state = defaultShareState();
  state.params.lossMechanism = lossMechanism as RiskParams['lossMechanism'];
  return state;
};

describe('loss mechanism options in share links', () => {
  it.each([
    { kind: 'adl' as const, ranking: 'hyperliquid' as const, size: 'full' as const, closePrice: 'mark' as const, trigger: { kind: 'fund-drawdown' as const, share: 0.3, windowSteps: 480 } },
    { kind: 'adl' as const, ranking: 'random' as const, size: 'needed' as const, closePrice: 'bankruptcy' as const, trigger: { kind: 'fund-empty' as const } },
    { kind: 'backstop' as const, takeoverEquityShare: 0.5, unwindSteps: 15 },
    { kind: 'socialize' as const, base: 'open-interest' as const },
  ])('round trip of $kind with every option, no upgrade note', (mechanism) => {
    const decoded = decodeShareState(encodeShareState(withMechanism(mechanism)));
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.state.params.lossMechanism).toEqual(mechanism);
    expect(decoded.notes).toEqual([]);
  });

  it('an old ADL link (ranking only) keeps its fields’ legacy values and says it was upgraded', () => {
    const decoded = decodeShareState(encodeShareState(withMechanism({ kind: 'adl', ranking: 'pnl-leverage' })));
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.state.params.lossMechanism).toEqual(withLossMechanismDefaults({ kind: 'adl', ranking: 'pnl-leverage' }));
    expect(decoded.notes).toEqual([ADL_UPGRADE_NOTE]);
  });

  it('an old backstop link takes Hyperliquid’s 2/3 and a 60-step unwind and says it was upgraded', () => {
    const decoded = decodeShareState(encodeShareState(withMechanism({ kind: 'backstop' })));
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.state.params.lossMechanism).toEqual({ kind: 'backstop', takeoverEquityShare: 2 / 3, unwindSteps: 60 });
    expect(decoded.notes).toEqual([BACKSTOP_UPGRADE_NOTE]);
  });

  it('an old socialize link (no base) is unchanged and not flagged', () => {
    const decoded = decodeShareState(encodeShareState(legacyDefaultShareState()));
    expect(decoded.ok && decoded.notes).toEqual([]);
    expect(decoded.state.params.lossMechanism).toEqual({ kind: 'socialize' });
  });
});
