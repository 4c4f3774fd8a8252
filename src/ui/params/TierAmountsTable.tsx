import { tierAmounts } from '../../engine/margin/marginSchedule';
import type { MarginTier } from '../../engine/params/riskParams';
import { formatCompact } from '../format';
import { toPercentText } from './fieldText';

interface Band {
  floor: number;
  mmr: number;
  imr: number;
}

/** The bands of a tier table, or null while a draft value is not a number yet. */
function bandsOf(mmr: unknown, imr: unknown, tiers: readonly Partial<MarginTier>[]): Band[] | null {
  if (typeof mmr !== 'number' || typeof imr !== 'number') return null;
  const bands: Band[] = [{ floor: 0, mmr, imr }];
  for (const tier of tiers) {
    const floor = Number(tier.notionalFloor);
    if (!Number.isFinite(floor) || typeof tier.maintenanceMarginRatio !== 'number' || typeof tier.initialMarginRatio !== 'number') return null;
    if (floor === 0) bands[0] = { floor: 0, mmr: tier.maintenanceMarginRatio, imr: tier.initialMarginRatio };
    else bands.push({ floor, mmr: tier.maintenanceMarginRatio, imr: tier.initialMarginRatio });
  }
  return bands;
}

/**
 * The tier table with its maintenance and initial amounts (Binance "maintenance amount", Hyperliquid "maintenance
 * deduction"): requirement = notional × ratio − amount, so it is continuous at every floor.
 */
export function TierAmountsTable({ mmr, imr, tiers }: { mmr: unknown; imr: unknown; tiers: readonly Partial<MarginTier>[] }) {
  const bands = bandsOf(mmr, imr, tiers);
  if (bands === null || bands.length < 2) return null;
  const floors = bands.map((b) => b.floor);
  const maintenanceAmounts = tierAmounts(floors, bands.map((b) => b.mmr));
  const initialAmounts = tierAmounts(floors, bands.map((b) => b.imr));
  return (
    <div className="table-wrap" role="region" aria-label="Tier amounts" tabIndex={0}>
      <table className="tier-amounts" data-testid="tier-amounts">
        <caption>
          Requirement = notional × ratio − amount: continuous at every floor, so crossing one never liquidates a position by itself
          (Binance “maintenance amount”, Bybit, Hyperliquid).
        </caption>
        <thead>
          <tr>
            <th scope="col">From notional</th>
            <th scope="col">Maintenance</th>
            <th scope="col">Maintenance amount</th>
            <th scope="col">Initial</th>
            <th scope="col">Initial amount</th>
          </tr>
        </thead>
        <tbody>
          {bands.map((band, k) => (
            <tr key={k}>
              <td>{formatCompact(band.floor)}</td>
              <td>{toPercentText(band.mmr)} %</td>
              <td>{formatCompact(maintenanceAmounts[k]!)}</td>
              <td>{toPercentText(band.imr)} %</td>
              <td>{formatCompact(initialAmounts[k]!)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
