import { FIELD_DEFAULTS, legacyDefaultParams } from '../../engine/params/defaults';
import type { RiskParams } from '../../engine/params/riskParams';
import { defaultShareState, type ShareState } from '../shareState';

/**
 * What a link made before the round-two liquidation fields means: the state with those fields at the values that
 * preserve the behaviour of that time (FIELD_DEFAULTS), which is how a v1 link lacking them is read.
 */
export function withLegacyLiquidation(params: RiskParams): RiskParams {
  const liquidation = params.liquidation;
  return {
    ...params,
    liquidation: {
      ...liquidation,
      maxNotionalPerStep: FIELD_DEFAULTS.maxNotionalPerStep,
      impact: { ...liquidation.impact, thinning: FIELD_DEFAULTS.impactThinning, permanentShare: FIELD_DEFAULTS.impactPermanentShare },
      markImpactWeight: FIELD_DEFAULTS.markImpactWeight,
      slice: FIELD_DEFAULTS.slice,
    },
  };
}

/** The state an empty v1 patch (`v=1&s=q64FAA`) decodes to: the frozen base, round-two fields at legacy values. */
export function v1DefaultShareState(edit: (s: ShareState) => void = () => {}): ShareState {
  const state = legacyDefaultShareState();
  state.params = withLegacyLiquidation(state.params);
  edit(state);
  return state;
}

/**
 * The page's state before the defaults became the major-market preset: legacyDefaultParams() (V1_BASE plus the
 * round-two liquidation fields as the defaults then set them). A link made of that state must keep meaning it.
 */
export function legacyDefaultShareState(edit: (s: ShareState) => void = () => {}): ShareState {
  const state = defaultShareState();
  state.params = legacyDefaultParams();
  edit(state);
  return state;
}
