import type { MarginTier } from '../../engine/params/riskParams';
import { tierTable } from '../../state/tierTable';
import { formatCompact } from '../format';
import { toPercentText } from './fieldText';

/**
 * The tier table with its maintenance and initial amounts (Binance "maintenance amount", Hyperliquid "maintenance
 * deduction"): requirement = notional × ratio − amount, so it is continuous at every floor.
 */
export function TierAmountsTable({ mmr, imr, tiers }: { mmr: unknown; imr: unknown; tiers: readonly Partial<MarginTier>[] }) {
  const rows = tierTable(mmr, imr, tiers);
  if (rows === null) return null;
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
          {rows.map((band, k) => (
            <tr key={k}>
              <td>{formatCompact(band.floor)}</td>
              <td>{toPercentText(band.mmr)} %</td>
              <td>{formatCompact(band.maintenanceAmount)}</td>
              <td>{toPercentText(band.imr)} %</td>
              <td>{formatCompact(band.initialAmount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
