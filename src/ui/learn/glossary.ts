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
      'Auto-deleveraging: winning positions on the other side, ranked (here by profit × leverage), are closed at the bankrupt account’s bankruptcy price until the shortfall is covered.',
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
