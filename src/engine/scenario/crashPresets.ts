/**
 * Crash presets: shapes taken from documented events (research/mechanisms.md §11). They are stylized, not
 * replays: one linear leg in log price, a linear partial recovery, GBM noise. The drawdowns and durations
 * follow the public facts cited; the noise volatility, the hour of calm before the fall and (where the table
 * gives none) the recovery are our choices, said so in each preset's facts.
 */
import { CRASH_PRESET_IDS, type CrashPresetId, type CrashScenario } from '../params/riskParams';

export interface CrashPreset {
  readonly id: CrashPresetId;
  /** Short name for a picker, ending "(stylized)". */
  readonly label: string;
  /** The public stylized facts the shape follows, and what was chosen rather than documented. */
  readonly facts: string;
  /** Source keys of research/mechanisms.md §13. */
  readonly sources: string;
  readonly scenario: Readonly<CrashScenario>;
  /** "Stylized after …": the event the shape follows, ending with the public URL it is stylized after. */
  readonly stylizedAfter: string;
  /**
   * What the public record documents beyond the drawdown, each with its source URL. Where no per-minute price
   * source was found the note says so, and the preset carries no `gaps` rather than an invented size; where the
   * record gives numbers a gap can be derived from (10 Oct 2025), the note says which are documented and which
   * step is assumed.
   */
  readonly record: Readonly<CrashRecord>;
  /** Every URL cited in stylizedAfter and record, https only. */
  readonly sourceUrls: readonly string[];
  /** Suggested horizon in 1-minute steps (stepSeconds 60), long enough to show the recovery. */
  readonly steps: number;
}

export interface CrashRecord {
  /** The worst one-minute price move the record documents (carried as scenario.gaps), or that none was found. */
  readonly worstMinute: string;
  /** What the record says about the order book thinning (not modelled by the shape: set liquidation.impact). */
  readonly liquidityVacuum: string;
  /** What the record says about liquidations lagging (engine outages, halts; set the keeper limits to model it). */
  readonly keeperBacklog: string;
}

/** Every preset starts after an hour of calm, so accounts are open and solvent at the first steps. */
const CALM_MINUTES = 60;

type CrashShape = Omit<CrashScenario, 'kind' | 'preset'>;

const URL_PATTERN = /https:\/\/[^\s)]+[^\s).,;]/g;

/** The https URLs a note cites, in order of first mention. */
export function citedUrls(...notes: readonly string[]): string[] {
  return [...new Set(notes.flatMap((note) => note.match(URL_PATTERN) ?? []))];
}

function preset(fields: Omit<CrashPreset, 'scenario' | 'sourceUrls'> & { shape: CrashShape }): CrashPreset {
  const { shape, ...rest } = fields;
  const { worstMinute, liquidityVacuum, keeperBacklog } = fields.record;
  return Object.freeze({
    ...rest,
    record: Object.freeze({ ...fields.record }),
    sourceUrls: Object.freeze(citedUrls(fields.stylizedAfter, worstMinute, liquidityVacuum, keeperBacklog)),
    scenario: Object.freeze({ kind: 'crash', preset: fields.id, ...shape }),
  });
}

/** Said in every record whose event has no per-minute price source, instead of a gap size nobody documented. */
export const NO_MINUTE_SOURCE = 'No per-minute price source found, so no gaps';

/** Starts the record of a preset whose `gaps` are derived from documented numbers plus a stated assumption. */
export const STYLIZED_GAP = 'Stylized gap (documented numbers, one stated assumption)';

/** The five presets keyed by id. */
export const CRASH_PRESETS_BY_ID: Readonly<Record<CrashPresetId, CrashPreset>> = Object.freeze({
  'mar-2020': preset({
    id: 'mar-2020',
    label: '12 Mar 2020 — Black Thursday, BTC (stylized)',
    facts:
      'Stylized: BTC fell about 50 % (≈ $7,900 → ≈ $3,800; BitMEX XBTUSD −51 %) in two legs over about 16 ' +
      'hours; here one leg of −50 % over 16 h, then a quarter of the drop regained over 8 h (the rebound is our ' +
      'choice).',
    sources: '[BM12][CR2][CR1][CR7a][BM4][CR3]',
    stylizedAfter:
      'Stylized after BTC on 12–13 Mar 2020, BitMEX XBTUSD $7,353 at 10:00 UTC to a $3,596 low: ' +
      'https://www.research.ledgerprime.com/p/cryptos-black-thursday-the-market',
    record: {
      worstMinute:
        `${NO_MINUTE_SOURCE}. The record gives two legs, not minutes: $7,300 → $5,690 from about 10:00 to 11:00 ` +
        'UTC and $5,800 → $3,900 from 23:00 to 02:15 UTC (https://blog.btcmex.com/black-thursday-what-actually-happened-to-bitcoin/).',
      liquidityVacuum:
        'The BitMEX perpetual bottomed about $400 (≈ 10 %) below spot while arbitrage could not close the gap ' +
        '(https://www.research.ledgerprime.com/p/cryptos-black-thursday-the-market).',
      keeperBacklog:
        'BitMEX requests were delayed by a cloud-provider hardware issue from 02:16 to 02:40 UTC on 13 Mar, at the ' +
        'bottom of the second leg; normal service at 03:00 UTC ' +
        '(https://cointelegraph.com.cach3.com/news/bitmex-denies-it-made-bitcoin-price-drop-to-37k-after-going-offline/amp.html).',
    },
    steps: 1800,
    shape: {
      drawdown: 0.5,
      startMinute: CALM_MINUTES,
      crashMinutes: 960,
      recovery: 0.25,
      recoveryMinutes: 480,
      volAnnual: 1.5,
    },
  }),
  'may-2021': preset({
    id: 'may-2021',
    label: '19 May 2021 — intraday crash, BTC (stylized)',
    facts:
      'Stylized: BTC fell about 31 % from the day high (≈ $43 k → $30,202) within one session, then rebounded; ' +
      'here −31 % over 4 h, then half of the drop regained over 6 h (duration and rebound size are our ' +
      'choices).',
    sources: '[CR4a][CR4b][CR4c][CR7a]',
    stylizedAfter:
      'Stylized after BTC on 19 May 2021, a 30 % intraday plunge: ' +
      'https://www.iwh-halle.de/en/publications/detail/bitcoin-flash-crash-on-may-19-2021-what-did-really-happen-on-binance/',
    record: {
      worstMinute:
        `${NO_MINUTE_SOURCE}. Press reports speak of $10,000 lost "in a few minutes" to about $30,000 without a ` +
        'minute-level figure (https://regardnews.com/was-yesterdays-crash-the-worst-in-bitcoin-history-here-is-how-it-compares-to-old-crashes/).',
      liquidityVacuum:
        "Binance's futures price differed from other venues' seven times more than in a reference period (IWH, " +
        'https://www.iwh-halle.de/en/publications/detail/bitcoin-flash-crash-on-may-19-2021-what-did-really-happen-on-binance/).',
      keeperBacklog:
        'Binance halted trading for retail clients and stopped publishing transactions during the crash (IWH, link ' +
        'above); research notes [CR4b] also record Coinbase and Kraken outages.',
    },
    steps: 1440,
    shape: {
      drawdown: 0.31,
      startMinute: CALM_MINUTES,
      crashMinutes: 240,
      recovery: 0.5,
      recoveryMinutes: 360,
      volAnnual: 1.2,
    },
  }),
  'luna-2022': preset({
    id: 'luna-2022',
    label: '7–13 May 2022 — LUNA collapse, LUNA perp (stylized)',
    facts:
      'Stylized: LUNA fell from $80 to $0.69 in five days (about −99 %) as UST lost its peg; here a LUNA ' +
      'perpetual bleeding −99 % over 5 days with no recovery (BTC itself fell about 25 % over three days).',
    sources: '[CR5a][CR5b][CR5c][CR5d][DR10]',
    stylizedAfter:
      'Stylized after LUNA, 6–12 May 2022, $83.04 on 6 May to $9.45 on 11 May and under $0.01 on 12 May: ' +
      'https://coincodecap.com/binance-to-delist-luna-perpetual-futures-tonight',
    record: {
      worstMinute:
        `${NO_MINUTE_SOURCE}. The record gives days: more than −99 % in the 24 h to 12 May, to $0.004 ` +
        '(https://d1softballnews.com/binance-to-delist-luna-usdt-contracts/).',
      liquidityVacuum: 'No order-book depth record found for the LUNA perpetuals.',
      keeperBacklog:
        'Binance cut LUNA USDT-margined perpetual leverage to 8× on 11 May, then settled and delisted the perpetual on ' +
        '12 May (https://www.fxstreet.com/cryptocurrencies/news/binance-delists-luna-while-terra-proposes-token-burn-to-save-ust-202205121308); ' +
        'Drift halted with a shortfall larger than its fund [DR10].',
    },
    steps: 8640,
    shape: {
      drawdown: 0.99,
      startMinute: CALM_MINUTES,
      crashMinutes: 7200,
      recovery: 0,
      recoveryMinutes: 0,
      volAnnual: 3,
    },
  }),
  'ftx-2022': preset({
    id: 'ftx-2022',
    label: '8–10 Nov 2022 — FTX collapse, FTT perp (stylized)',
    facts:
      "Stylized: FTX's token FTT lost about 90 % in the main leg of 8–10 Nov 2022 (BTC fell a more moderate ≈ " +
      '26 % over two weeks); here an FTT perpetual falling −90 % over 2 days with no recovery.',
    sources: '[CR6a][CR6b][CR6c][CR7a]',
    stylizedAfter:
      'Stylized after FTT, 7–8 Nov 2022, about $22 to under $5 in 24 h (low $3.12): ' +
      'https://infonesia.xyz/ftxs-ftt-token-crashes-78-in-24-hours-bitcoin-hits-yearly-low/',
    record: {
      worstMinute:
        `${NO_MINUTE_SOURCE}. The record gives −78 % over 24 h ` +
        '(https://infonesia.xyz/ftxs-ftt-token-crashes-78-in-24-hours-bitcoin-hits-yearly-low/).',
      liquidityVacuum:
        'No order-book depth record found; FTT futures traded $3.3 B on 8 Nov (Coinalyze, via ' +
        'https://cryptonews.net/news/altcoins/15787089/).',
      keeperBacklog: 'No record of delayed liquidations on FTT perpetuals found.',
    },
    steps: 4320,
    shape: {
      drawdown: 0.9,
      startMinute: CALM_MINUTES,
      crashMinutes: 2880,
      recovery: 0,
      recoveryMinutes: 0,
      volAnnual: 2.5,
    },
  }),
  'oct-2025': preset({
    id: 'oct-2025',
    label: '10 Oct 2025 — 45-minute cascade, BTC (stylized)',
    facts:
      'Stylized: BTC fell about 12 % in 45 minutes (≈ $122 k → under $107 k) while many alts fell 70–90 %; here ' +
      'BTC −12 % over 45 min, then 40 % of the drop regained over 4 h (the rebound is our choice).',
    sources: '[CR7a][CR7b][CR7c][CR7d][HL9][HL6][HL8]',
    stylizedAfter:
      'Stylized after BTC on 10 Oct 2025, ≈ $122 k to under $107 k in a cascade from 20:50 UTC: ' +
      'https://blog.amberdata.io/how-3.21b-vanished-in-60-seconds-october-2025-crypto-crash-explained-through-7-charts',
    record: {
      worstMinute:
        `${STYLIZED_GAP}: −5.5 % in the minute 25 minutes into the fall (21:15 UTC), stylized after two documented ` +
        'numbers. Documented: the peak minute, 21:15 UTC, liquidated $3.21 B of the 40-minute cascade\'s $6.93 B ' +
        '(46 %) (https://blog.amberdata.io/how-3.21b-vanished-in-60-seconds-october-2025-crypto-crash-explained-through-7-charts), ' +
        'and on Hyperliquid BTC fell 13.1 % ($112 k → $97 k) within 21:15–21:27 UTC ' +
        '(https://github.com/ConejoCapital/HyperAnalyzeADL). Assumed: the peak minute carries the same share of the ' +
        '12 % fall as of the liquidations, 0.46 × 12 % ≈ 5.5 %; no source gives the one-minute BTC return itself.',
      liquidityVacuum:
        'Books on several major BTC venues looked empty for several minutes, with meaningful bids only 4 % and 10 % ' +
        'from mid (https://research.kaiko.com/insights/when-october-surprise-meets-crypto-liquidity-drought).',
      keeperBacklog:
        "Hyperliquid's first ADL came 61.7 s after its first liquidation, with bursts of 11,279 liquidations in one " +
        'second (https://github.com/ConejoCapital/HyperMultiAssetedADL); Binance had platform lag and API delays at ' +
        'the peak (https://followin.io/feed/22111099).',
    },
    steps: 1440,
    shape: {
      drawdown: 0.12,
      startMinute: CALM_MINUTES,
      crashMinutes: 45,
      recovery: 0.4,
      recoveryMinutes: 240,
      volAnnual: 1,
      gaps: [{ minute: 25, drop: 0.055 }],
    },
  }),
});

/** The presets in CRASH_PRESET_IDS order (chronological), for pickers and tables. */
export const CRASH_PRESETS: readonly CrashPreset[] = Object.freeze(
  CRASH_PRESET_IDS.map((id) => CRASH_PRESETS_BY_ID[id]),
);

/** A fresh, editable copy of a preset's crash scenario (preset set to its id). */
export function crashPresetScenario(id: CrashPresetId): CrashScenario {
  return { ...CRASH_PRESETS_BY_ID[id].scenario };
}
