// One event of a traced path in plain words, with its numbers. Pure: the page, its tests and the end-to-end
// spec (which recomputes the expected text from the engine in Node) all format through here.
import type { PathEvent } from '../../engine/index';

const two = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const pct = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** Quote amounts and prices with two decimals ("1,234.50"). */
export const money = (value: number): string => two.format(value);

/** The kinds that move money after a liquidation (the "only losses" filter keeps these). */
export const LOSS_KINDS: ReadonlySet<PathEvent['kind']> = new Set(['deficit', 'fund-draw', 'haircut', 'adl', 'vault', 'uncovered']);

export function describeEvent(event: PathEvent, ids: readonly string[]): string {
  const who = (index: number) => `account ${ids[index] ?? `#${index}`}`;
  switch (event.kind) {
    case 'liquidation': {
      const side = event.side > 0 ? 'long' : 'short';
      const what = event.full ? '' : ` (partly: ${money(event.closedSizeBase)} contracts)`;
      const penalty =
        event.penaltyQuote === 0
          ? 'no penalty (no equity left)'
          : event.penaltyToFundQuote === event.penaltyQuote
            ? `penalty ${money(event.penaltyQuote)} to the fund`
            : `penalty ${money(event.penaltyQuote)}, ${money(event.penaltyToFundQuote)} of it to the fund`;
      return `${who(event.account)} (${side}) liquidated at ${money(event.fillPrice)}${what}, ${penalty}`;
    }
    case 'deficit':
      return `bad debt ${money(event.deficitQuote)} on ${who(event.account)} (bankruptcy price ${money(event.bankruptcyPrice)}, filled at ${money(event.fillPrice)})`;
    case 'fund-draw':
      return `fund paid ${money(event.drawQuote)} (fund now ${money(event.fundAfterQuote)})`;
    case 'haircut': {
      const rate = event.profitQuote > 0 ? event.takenQuote / event.profitQuote : 0;
      const largest = event.largestAccount >= 0 ? `; largest: ${ids[event.largestAccount] ?? `#${event.largestAccount}`} lost ${money(event.largestQuote)}` : '';
      return `${money(event.takenQuote)} socialized: haircut ${pct.format(rate * 100)}% on ${event.accounts} profitable account${event.accounts === 1 ? '' : 's'}${largest}`;
    }
    case 'adl': {
      const closed = event.lossQuote === 0 && event.contracts > 0
        ? `ADL of ${who(event.account)} at the mark ${money(event.markPrice)}: ${money(event.contracts)} contracts closed, no money taken`
        : `ADL of ${who(event.account)} at the bankruptcy price ${money(event.bankruptcyPrice)}: ${money(event.contracts)} contracts, loss ${money(event.lossQuote)}`;
      const overshoot = event.profitClosedQuote - event.coveredQuote;
      return `${closed}; profit closed out ${money(event.profitClosedQuote)}${overshoot > 0 ? `, ${money(overshoot)} beyond the ${money(event.coveredQuote)} it covers (overshoot)` : ''}`;
    }
    case 'vault':
      return `the backstop vault bears ${money(event.quote)} the fund could not pay: its depositors lose it`;
    case 'takeover': {
      const side = event.side > 0 ? 'long' : 'short';
      const margin = event.marginQuote >= 0 ? `with its remaining margin ${money(event.marginQuote)}` : `with a deficit of ${money(-event.marginQuote)}`;
      return `the backstop vault took over ${who(event.account)} (${side}, ${money(event.sizeBase)} contracts) at the mark ${money(event.markPrice)}, ${margin}; it sells them back over the next steps`;
    }
    case 'uncovered':
      return `${money(event.quote)} uncovered: nobody could absorb it, it stays on the protocol`;
    case 'slice': {
      const when = event.nextStep === event.step + 1 ? 'the next step' : `step ${event.nextStep}`;
      return `${who(event.account)} closed in a slice: ${money(event.closedSizeBase)} contracts now, the other ${money(event.restSizeBase)} wait for the next slice (${when}), keeping their place in the queue`;
    }
    case 'keeper-queue':
      return `${event.accounts} account${event.accounts === 1 ? '' : 's'} queued, keeper capacity ${money(event.capacityQuote)}/step used up: they wait for the next step, oldest first`;
    case 'book':
      return `book at ${Math.round(event.depthShare * 100)} % of its depth: it thins as the index falls from its peak, so each sale moves the price more`;
  }
}

/**
 * The price chart's caption: which of its two lines decides liquidations (the mark, from `markImpactWeight` of
 * the venue's own displacement, as an oracle delayed by `oracleDelaySteps` sees it) and where liquidations fill.
 */
export function priceChartCaption(markImpactWeight: number, oracleDelaySteps: number): string {
  const delay = oracleDelaySteps > 0 ? `, as the oracle saw it ${oracleDelaySteps} step${oracleDelaySteps === 1 ? '' : 's'} earlier` : '';
  const weight =
    markImpactWeight === 0
      ? 'here the mark is the index itself, so the venue’s own forced sales cannot trigger the next liquidations'
      : markImpactWeight === 1
        ? 'here the mark is the venue’s own book, so its own forced sales can trigger the next liquidations'
        : `the mark is the index moved by ${Math.round(markImpactWeight * 100)} % of the price move the venue’s own sales left`;
  return `Liquidations are decided at the mark (solid line)${delay}. The dashed line is the external index the scenario draws; ${weight}. Liquidations (×) fill in the venue’s own book, at the price of walking it.`;
}

/** Steps that have at least one event, ascending (each once). */
export function eventSteps(events: readonly PathEvent[]): number[] {
  return [...new Set(events.map((e) => e.step))].sort((a, b) => a - b);
}

/** A path's ADL in money: profit closed out of winners, the part of the deficits it covered, the overshoot. */
export interface AdlOvershootQuote {
  profitClosedQuote: number;
  coveredQuote: number;
  overshootQuote: number;
}

/** Sums the path's ADL events; null when ADL never ran on it. */
export function adlOvershootOfEvents(events: readonly PathEvent[]): AdlOvershootQuote | null {
  let profitClosedQuote = 0;
  let coveredQuote = 0;
  let any = false;
  for (const e of events) {
    if (e.kind !== 'adl') continue;
    any = true;
    profitClosedQuote += e.profitClosedQuote;
    coveredQuote += e.coveredQuote;
  }
  return any ? { profitClosedQuote, coveredQuote, overshootQuote: profitClosedQuote - coveredQuote } : null;
}
