// The words learn mode explains, defined once (DESIGN.md §5 definitions, in plain words). Every mention in
// learn mode goes through <Term> (Term.tsx), so a definition reads the same wherever it appears.

export const GLOSSARY = {
  'maintenance-margin': {
    term: 'maintenance margin',
    definition:
      'The least equity a position must keep: maintenance ratio × size × price. Below it the account is liquidatable and the venue closes the position.',
  },
  'bankruptcy-price': {
    term: 'bankruptcy price',
    definition: 'The price at which the account’s equity is exactly zero. Closing worse than it leaves a deficit: bad debt.',
  },
  'insurance-fund': {
    term: 'insurance fund',
    definition:
      'A pool the venue keeps to pay for bad debt, filled by liquidation penalties (and fees). It pays first, up to its balance and any per-step limit.',
  },
  haircut: {
    term: 'haircut',
    definition:
      'Taking the part of bad debt the fund could not pay from the profits of every account in profit, pro rata to profit. The profit is debited and is gone.',
  },
  adl: {
    term: 'ADL',
    definition:
      'Auto-deleveraging: winning positions on the other side, ranked (here by profit × leverage), are closed at the bankrupt account’s bankruptcy price until the shortfall is covered. It replaces the book sale: once the mark is beyond the bankruptcy price, only what the book takes at the bankruptcy price or better is sold (BitMEX, dYdX v4).',
  },
  'index-vs-mark': {
    term: 'index and mark',
    definition:
      'The index is the external price (other venues’ spot prices; the scenario draws it). The mark decides liquidations: the index moved by a share of the price move the venue’s own forced sales left. Binance marks against a spot index; Hyperliquid’s mark combines external prices with its own book.',
  },
  'keeper-capacity': {
    term: 'keeper capacity',
    definition:
      'How much notional the liquidators can close per step (dYdX v4: at most 50 positions of 100,000 each per block). What does not fit waits for the next step, oldest first. Large positions are closed in slices (Hyperliquid: 20 % of a position over 100k, then a 30 s pause).',
  },
  'book-thinning': {
    term: 'book thinning',
    definition:
      'Under stress market makers pull their orders: the depth of the book falls as the index falls from its peak, so each forced sale moves the price more (Kaiko on 10 Oct 2025: books “appearing empty”).',
  },
  'socialized-loss': {
    term: 'socialized loss',
    definition: 'Losses imposed on traders who were not liquidated: haircuts plus ADL losses.',
  },
  'bad-debt': {
    term: 'bad debt',
    definition: 'What a liquidated account owes beyond its collateral: max(0, −equity) when it is closed. Someone has to pay it.',
  },
  'liquidation-penalty': {
    term: 'liquidation penalty',
    definition:
      'A fee on the closed notional (capped at the equity left), paid to the insurance fund and the liquidator. Only an account closed before bankruptcy pays it.',
  },
} as const satisfies Record<string, { term: string; definition: string }>;

export type GlossaryKey = keyof typeof GLOSSARY;
export const GLOSSARY_KEYS = Object.keys(GLOSSARY) as GlossaryKey[];
