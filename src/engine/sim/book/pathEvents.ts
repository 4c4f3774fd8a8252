/**
 * What happened on one path, step by step, in quote units: the story learn mode tells. Recorded only when a
 * listener is attached (tracing one path), so Monte Carlo runs pay nothing for it. Account fields are
 * population indices.
 */
export type PathEvent =
  | {
      kind: 'liquidation';
      step: number;
      account: number;
      side: number;
      closedSizeBase: number;
      fillPrice: number;
      oraclePrice: number;
      /** The whole position was closed (false: partial, or cut short by keeper capacity). */
      full: boolean;
      penaltyQuote: number;
      penaltyToFundQuote: number;
      /** The mark just after this fill (the step's fixed oracle under a delayed oracle): what the remainder faces. */
      markAfterPrice: number;
    }
  /** A slice of a large position was closed; the rest waits for its cooldown and keeps its place in the queue. */
  | { kind: 'slice'; step: number; account: number; closedSizeBase: number; restSizeBase: number; nextStep: number }
  /** The step ended with liquidatable accounts still waiting because the keepers' capacity was used up. */
  | { kind: 'keeper-queue'; step: number; accounts: number; capacityQuote: number }
  /** The book's depth this step, as a share of its calm depth (it thins with the index's drawdown). */
  | { kind: 'book'; step: number; depthShare: number }
  | { kind: 'deficit'; step: number; account: number; deficitQuote: number; bankruptcyPrice: number; fillPrice: number }
  | { kind: 'fund-draw'; step: number; account: number; drawQuote: number; fundAfterQuote: number }
  | {
      kind: 'haircut';
      step: number;
      takenQuote: number;
      /** Total profit of the accounts in profit, before the haircut. */
      profitQuote: number;
      accounts: number;
      largestAccount: number;
      largestQuote: number;
    }
  /**
   * profitClosedQuote: the winner's profit realized at the mark on the contracts closed (what adlProfitClosedUnits
   * sums); coveredQuote: the part of the deficit this close covers (taken as money at the bankruptcy price, or not at
   * the mark). profitClosedQuote − coveredQuote is this close's share of the ADL overshoot, in money.
   */
  | {
      kind: 'adl';
      step: number;
      account: number;
      bankruptAccount: number;
      contracts: number;
      bankruptcyPrice: number;
      markPrice: number;
      lossQuote: number;
      profitClosedQuote: number;
      coveredQuote: number;
    }
  | { kind: 'vault'; step: number; quote: number }
  /** The backstop vault took the position over at the mark with its remaining margin (negative: a deficit). */
  | { kind: 'takeover'; step: number; account: number; side: number; sizeBase: number; markPrice: number; marginQuote: number }
  | { kind: 'uncovered'; step: number; quote: number };

export type PathEventListener = (event: PathEvent) => void;
