// Fan rows over only the paths that socialized (summary.tail.socializedFan), in the FanChart's row shape.
import type { ConditionalFan } from '../../engine/metrics/tailSummary';
import { fanRows, type FanRow } from './chartRows';

export function conditionalFanRows(fan: ConditionalFan, stepOfPoint: readonly number[], stepSeconds: number): FanRow[] {
  const series = { quantiles: fan.quantiles, bands: fan.cumSocializedLossQuote };
  return fanRows({ stepOfPoint: [...stepOfPoint], cumSocializedLossQuote: series, cumBadDebtQuote: series, fundBalanceQuote: series, price: series }, 'cumSocializedLossQuote', stepSeconds);
}
