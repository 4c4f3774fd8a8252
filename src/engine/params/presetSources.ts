/** The public sources the market presets cite, one URL each (keys as in the project's research notes where they exist). */
export const SRC = {
  binanceTiers2021: 'https://www.binance.com/tr/support/announcement/86cf9aa472574b8cb2e05bb751c2a9a6',
  binanceMaintenance: 'https://www.binance.com/en/support/articles/360033162192',
  binanceExchangeInfo: 'https://developers.binance.com/docs/derivatives/usds-margined-futures/market-data/rest-api/Exchange-Information',
  binanceInsuranceFund: 'https://www.binance.com/en/support/faq/360033525371',
  binanceLiquidationProtocol: 'https://docs.traderwagon.com/faq/futures-trading-introduction/liquidation-protocol',
  binanceAdl: 'https://www.binance.com/en/support/faq/360033525471',
  binanceBookDepth: 'https://data.binance.vision/?prefix=data/futures/um/daily/bookDepth/BTCUSDT',
  binanceBookDepthSample: 'https://github.com/binance/binance-public-data/issues/431',
  binanceKlines: 'https://data.binance.vision/?prefix=data/futures/um/monthly/klines/',
  chengLeverage: 'https://arxiv.org/abs/2102.04591',
  hlLiquidations: 'https://hyperliquid.gitbook.io/hyperliquid-docs/trading/liquidations',
  hlMarginTiers: 'https://hyperliquid.gitbook.io/hyperliquid-docs/trading/margin-tiers',
  hlAdl: 'https://hyperliquid.gitbook.io/hyperliquid-docs/trading/auto-deleveraging',
  hlSlicing: 'https://tginsight.xyz/channel/hyperliquid_announcements/post/307',
  hyperReplay: 'https://github.com/ConejoCapital/HyperMultiAssetedADL',
  tektonic: 'https://www.tektonic.company/blog/hyperliquid-adl-cascade-october-10',
  hlAnalyzeAdl: 'https://github.com/ConejoCapital/HyperAnalyzeADL',
  amberdataLiquidity: 'https://blog.amberdata.io/how-liquidity-really-works-in-crypto-markets',
  amberdataOct10: 'https://blog.amberdata.io/how-3.21b-vanished-in-60-seconds-october-2025-crypto-crash-explained-through-7-charts',
  ltrdOct10: 'https://www.odaily.news/en/post/5206861',
  /**
   * [CR7a], the first source of the research notes' 10 Oct 2025 row (mechanisms.md §11: "in 45 min BTC −12 %,
   * ETH −16 %, SOL −31 %, many alts −70…−90 %", compiled from CR7a–d).
   */
  oct10Falls: 'https://yellow.com/research/trump-100-china-tariff-how-one-announcement-liquidated-dollar19-billion-in-crypto',
  /** [HL5] Hyperliquid's statement after 10 Oct 2025 ("first cross-margin ADL in more than 2 years", "zero bad debt"), mirrored. */
  hlStatementOct10: 'https://okx.beatchat.net/en-eu/feed/post/57610059076960',
  /** Kaiko's 13 Oct 2025 Data Debrief ("order books … appearing empty for several minutes"), also quoted in the fidelity review. */
  kaikoResearch: 'https://research.kaiko.com/insights/when-october-surprise-meets-crypto-liquidity-drought',
  hlWhaleLeverageCut: 'https://info.arkm.com/research/hyperliquid-whale-passes-4m-loss-to-hlp-vault',
  blockworksHyperliquidated: 'https://empire-blockworks.beehiiv.com/p/hyperliquidated',
  /** Binance's mark price page (COIN-M text): Mark = median(Price 1, index + moving average of the basis, last price). */
  binanceMarkPrice: 'https://www.binance.com/en/support/faq/fff6ec1b3f5845d19f1fb924644a0877',
  /** BlockBeats' report of Binance's 16 Sep 2025 announcement: from 18 Sep 2025 the basis average is 30 s, sampled each second (USDⓈ-M and COIN-M). */
  binanceMark30s: 'https://www.btc0o0.com/ja/news/22361.html',
  /** Hyperliquid's mark: median of (oracle + 150 s EMA of mid − oracle), its own bid/ask/last median, CEX perp mids (community wiki of the docs). */
  hlMarkPrice: 'https://hyperliquid-co.gitbook.io/wiki/architecture/hypercore/dex/oracle',
  /** A HIP-3 deployer's statement of the same mark: "a 150-second continuous-time exponentially weighted moving average". */
  tradeXyzMarkPrice: 'https://docs.trade.xyz/perp-mechanics/mark-price',
  okxAdlTrigger: 'https://www.okx.com/help/iv-introduction-to-auto-deleveraging-adl',
  bouchaudPermanent: 'https://arxiv.org/abs/1710.03734',
  driftSocialize: 'https://github.com/drift-labs/protocol-v2/blob/master/programs/drift/src/math/liquidation.rs',
  dydxFullDeleverage: 'https://github.com/dydxprotocol/v4-chain/blob/main/protocol/x/clob/keeper/deleveraging.go',
} as const;
