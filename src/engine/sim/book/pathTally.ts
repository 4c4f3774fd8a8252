/** Running totals of one path: the ledger (integer money units) and the measures reported per path. */
export class PathTally {
  badDebtUnits = 0;
  fundDrawUnits = 0;
  socializedLossUnits = 0;
  vaultLossUnits = 0;
  uncoveredUnits = 0;
  fundInflowUnits = 0;
  treasuryUnits = 0;
  liquidatorUnits = 0;
  liquidations = 0;
  liquidatedNotionalQuote = 0;
  adlNotionalQuote = 0;
  accountsHit = 0;
  largestHaircutShare = 0;
  fundDepletedStep = -1;
  /** Negative equity of accounts still open at the horizon, at its mark: outside the settled ledger identity. */
  openDeficitUnits = 0;
  /** ADL: remainders handed to the queue, and the profit closed out of winners (overshoot = closed − needed). */
  adlNeededUnits = 0;
  adlProfitClosedUnits = 0;
  /** Backstop vault's net result (not part of the ledger identity). */
  vaultPnlUnits = 0;
  /**
   * Fund bounds (planner/fundLadder.ts): the path would be the same, fund balance aside, for every starting fund
   * from (initial − fundSlackUnits) to (initial + fundHeadroomUnits). Slack: the least the fund had above what a
   * deficit or an ADL sale needed of it (negative: the fund was the limit). Headroom: how much more fund would
   * still have left an ADL decision unchanged. +∞ when nothing read the fund.
   */
  fundSlackUnits = Infinity;
  fundHeadroomUnits = Infinity;

  reset(): void {
    this.fundSlackUnits = Infinity;
    this.fundHeadroomUnits = Infinity;
    this.adlNeededUnits = 0;
    this.adlProfitClosedUnits = 0;
    this.vaultPnlUnits = 0;
    this.badDebtUnits = 0;
    this.fundDrawUnits = 0;
    this.socializedLossUnits = 0;
    this.vaultLossUnits = 0;
    this.uncoveredUnits = 0;
    this.fundInflowUnits = 0;
    this.treasuryUnits = 0;
    this.liquidatorUnits = 0;
    this.liquidations = 0;
    this.liquidatedNotionalQuote = 0;
    this.adlNotionalQuote = 0;
    this.accountsHit = 0;
    this.largestHaircutShare = 0;
    this.fundDepletedStep = -1;
    this.openDeficitUnits = 0;
  }
}
