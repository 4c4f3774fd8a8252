import { bankruptcyPrice, equityQuote, isLiquidatableAt, openDeficitUnits, partialCloseSize, type CloseQuote } from '../margin/accountMath';
import { averageImpactDisplacement, clampDisplacement, decayDisplacement, impactDisplacement, thinnedDepth } from '../impact/priceImpact';
import { allocateProRataBig } from '../money/allocateProRata';
import { UNITS_PER_QUOTE } from '../money/money';
import type { Population } from '../population/population';
import { pow } from '../rng/fdlibmPow';
import { PathRng, RNG_STREAM } from '../rng/pathRng';
import type { SimConfig } from '../sim/config/simConfig';
import { contractsToDeleverage } from '../waterfall/adlSale';
import { takeoverDue } from '../waterfall/backstopVault';
import { sizeWeights } from '../waterfall/socializeOpenInterest';

/**
 * The reference engine for differential tests and nothing else: every account checked at every look, accounts
 * as plain objects, the waterfall written out in one place, allocation in BigInt. It shares only the DESIGN.md
 * §5 definitions (equity, liquidatable, bankruptcy price, partial size, impact curve, its average, thinned depth,
 * open deficit, and issue 14's: how many contracts ADL takes instead of the sale, when the vault takes over, the
 * size weights of an open-interest split) with the production engine; orchestration, the mark, the book's
 * permanent and transient memory, slicing, queueing, settlement, the fund trigger, ADL options, the vault's
 * inventory and the ledger are written again here, slowly and plainly.
 */
export interface NaivePathResult {
  badDebt: number;
  fundDraw: number;
  socializedLoss: number;
  vaultLoss: number;
  uncovered: number;
  fundEnd: number;
  liquidations: number;
  adlNotional: number;
  adlNeeded: number;
  adlProfitClosed: number;
  vaultPnl: number;
  accountsHit: number;
  fundDepletedStep: number;
  /** Socialized loss borne per account index. */
  borne: number[];
  /** Mark price at the end of every step. */
  endPrices: number[];
  /** Negative equity of accounts still open at the horizon (units). */
  openDeficit: number;
}

interface Account {
  side: number;
  size: number;
  entry: number;
  collateral: number;
  haircutTaken: number;
  borne: number;
  open: boolean;
}

interface Deficit {
  account: number;
  side: number;
  deficit: number;
  remainder: number;
  bankruptcy: number;
  fill: number;
}

interface VaultLot {
  perStep: number;
  start: number;
}

const MAX_ROUNDS = 50;

/**
 * The ordinary depth of every step, written again from DESIGN.md §5 / docs/model.md: with a replay's volumes and
 * a volume exponent β, depth × min(1, max(0.1, (v_t / median)^β)), the median of an even count being the mean of
 * the middle two; otherwise the configured depth at every step.
 */
function naiveOrdinaryDepths(cfg: SimConfig, steps: number): number[] {
  if (cfg.volumeDepth === null) return new Array<number>(steps).fill(cfg.impactDepthQuote);
  const { volumes, exponent } = cfg.volumeDepth;
  const sorted = [...volumes].sort((a, b) => a - b);
  const half = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 0 ? (sorted[half - 1]! + sorted[half]!) / 2 : sorted[half]!;
  return volumes.slice(0, steps).map((v) => cfg.impactDepthQuote * Math.min(1, Math.max(0.1, pow(v / median, exponent))));
}

/** What a close left behind, for property tests: the remainder and the mark it faces right after the fill. */
export interface NaiveCloseCheck {
  step: number;
  account: number;
  side: number;
  /** Remaining size (0 when closed whole). */
  restSize: number;
  entry: number;
  collateral: number;
  markAfter: number;
  /** The close was cut short by a slice or the keeper capacity (it is not a partial close by margin). */
  limited: boolean;
}

export function naiveSimulatePath(
  cfg: SimConfig,
  population: Population,
  prices: Float64Array,
  seed: number,
  pathIndex: number,
  onClose: ((check: NaiveCloseCheck) => void) | null = null,
): NaivePathResult {
  const accounts: Account[] = [];
  for (let j = 0; j < population.count; j++) {
    accounts.push({
      side: population.side[j]!,
      size: population.sizeBase[j]!,
      entry: population.entryPrice[j]!,
      collateral: population.collateralUnits[j]!,
      haircutTaken: 0,
      borne: 0,
      open: true,
    });
  }
  const adlRng = new PathRng(seed, pathIndex, RNG_STREAM.adl);
  const liquidatable = (a: Account, price: number) => a.open && isLiquidatableAt(cfg.schedule, a.side, a.size, a.entry, a.collateral, price);
  const hit = new Set<number>();
  const r = { badDebt: 0, fundDraw: 0, socializedLoss: 0, vaultLoss: 0, uncovered: 0, liquidations: 0, adlNotional: 0, adlNeeded: 0, adlProfitClosed: 0, fundDepletedStep: -1 };
  const fundAtStart: number[] = [];
  const adl = cfg.mechanism === 'adl';
  const floorOf = (t: number) => {
    if (!adl || cfg.adlTriggerShare >= 1) return 0;
    const window = fundAtStart.slice(Math.max(0, t - cfg.adlTriggerWindowSteps + 1), t + 1);
    return Math.floor((1 - cfg.adlTriggerShare) * Math.max(0, ...window));
  };
  // The backstop vault: a net inventory with an average price, and its lots being unwound.
  const vault = { position: 0, average: 0, cash: 0, lots: [] as VaultLot[] };
  const vaultTrade = (delta: number, price: number) => {
    const p = vault.position;
    if (p === 0 || Math.sign(p) === Math.sign(delta)) {
      vault.average = (p * vault.average + delta * price) / (p + delta);
      vault.position = p + delta;
    } else {
      const closed = Math.abs(delta) >= Math.abs(p) ? -p : delta;
      vault.cash += Math.floor(-closed * (price - vault.average) * UNITS_PER_QUOTE);
      if (Math.abs(delta) > Math.abs(p)) vault.average = price;
      vault.position = Math.abs(p + delta) < 1e-12 * Math.abs(p) ? 0 : p + delta;
    }
  };
  let fund = cfg.fundInitialUnits;
  const credit = (units: number) => {
    if (units > 0) fund += Math.min(units, Math.max(0, cfg.fundCapUnits - fund));
  };
  const bear = (k: number, loss: number) => {
    accounts[k]!.collateral -= loss;
    accounts[k]!.borne += loss;
    r.socializedLoss += loss;
    hit.add(k);
  };
  const queue: number[] = [];
  const endPrices: number[] = [];
  const nextSlice = new Map<number, number>();
  let peak = 0;
  let permanent = 0;
  let transient = 0;
  const ordinaryDepths = naiveOrdinaryDepths(cfg, prices.length);

  for (let t = 0; t < prices.length; t++) {
    const base = prices[t]!;
    if (t > 0) credit(cfg.fundInflowPerStepUnits);
    fundAtStart.push(fund);
    peak = Math.max(peak, base);
    const depth = thinnedDepth(ordinaryDepths[t]!, cfg.impactThinning, base, peak);
    if (t > 0) transient = decayDisplacement(transient, cfg.impactDecayPerStep);
    const baseDisplacement = permanent + transient;
    let flow = 0;
    let capacity = cfg.maxNotionalPerStepQuote;
    let drawn = 0;
    const displacement = (f: number) => clampDisplacement(baseDisplacement + impactDisplacement(cfg.impactModel, f, depth));
    const markAt = (f: number) => base * (1 + cfg.markImpactWeight * displacement(f));
    const fillBetween = (from: number, to: number) => base * (1 + clampDisplacement(baseDisplacement + averageImpactDisplacement(cfg.impactModel, from, to, depth)));
    const fundAvailable = () => Math.max(0, Math.min(fund - floorOf(t), cfg.fundMaxDrawPerStepUnits - drawn));
    if (cfg.mechanism === 'backstop' && vault.position !== 0) {
      const active = vault.lots.filter((l) => l.start <= t && t < l.start + cfg.backstopUnwindSteps);
      let amount = 0;
      if (active.length > 0) {
        const rate = active.reduce((sum, l) => sum + l.perStep, 0);
        amount = rate === 0 || Math.sign(rate) !== Math.sign(vault.position) ? 0 : Math.abs(rate) > Math.abs(vault.position) ? vault.position : rate;
      } else if (vault.lots.every((l) => l.start + cfg.backstopUnwindSteps <= t)) {
        amount = vault.position;
      }
      if (amount !== 0) {
        const to = flow - amount * base;
        vaultTrade(-amount, fillBetween(flow, to));
        flow = to;
      }
    }
    let oracle = cfg.oracleDelaySteps === 0 ? markAt(flow) : t >= cfg.oracleDelaySteps ? endPrices[t - cfg.oracleDelaySteps]! : cfg.initialPrice;

    for (let round = 0; round < MAX_ROUNDS; round++) {
      accounts.forEach((a, j) => {
        if (!queue.includes(j) && liquidatable(a, oracle)) queue.push(j);
      });
      if (queue.length === 0) break;
      const deficits: Deficit[] = [];
      let stop = false;
      const pushDeficit = (d: Deficit) => {
        r.badDebt += d.deficit;
        deficits.push(d);
      };
      let i = 0;
      while (i < queue.length) {
        const j = queue[i]!;
        const a = accounts[j]!;
        if (!liquidatable(a, oracle)) {
          queue.splice(i, 1);
          continue;
        }
        if (cfg.mechanism === 'backstop' && takeoverDue(cfg.schedule, cfg.backstopTakeoverShare, a.side, a.size, a.entry, a.collateral, oracle)) {
          const equity = a.collateral + Math.floor(a.side * a.size * (oracle - a.entry) * UNITS_PER_QUOTE);
          vault.cash += Math.max(0, equity);
          vaultTrade(a.side * a.size, oracle);
          vault.lots.push({ perStep: (a.side * a.size) / cfg.backstopUnwindSteps, start: t + 1 });
          r.liquidations++;
          if (equity < 0) pushDeficit({ account: j, side: a.side, deficit: -equity, remainder: -equity, bankruptcy: a.entry - (a.side * a.collateral) / UNITS_PER_QUOTE / a.size, fill: oracle });
          a.open = false;
          a.size = 0;
          a.collateral = 0;
          queue.splice(i, 1);
          continue;
        }
        if (capacity <= 0) {
          stop = true;
          break;
        }
        if (cfg.slice !== null && (nextSlice.get(j) ?? 0) > t) {
          i++;
          continue;
        }
        const quote: CloseQuote = { fill: 0, markAfter: 0 };
        const pricer = (size: number, out: CloseQuote) => {
          const to = flow - a.side * size * base;
          out.fill = fillBetween(flow, to);
          out.markAfter = cfg.oracleDelaySteps === 0 ? markAt(to) : oracle;
        };
        let q = cfg.partial ? partialCloseSize(cfg.schedule, cfg.penaltyRatio, a.side, a.size, a.entry, a.collateral, oracle, pricer, quote) : a.size;
        const large = cfg.slice !== null && a.size * oracle > cfg.slice.minNotionalQuote;
        const sliceLeavesRest = large && cfg.slice!.fraction < 1;
        if (large) q = Math.min(q, cfg.slice!.fraction * a.size);
        if (adl && q === a.size) {
          const bankruptcy = a.entry - (a.side * a.collateral) / UNITS_PER_QUOTE / a.size;
          const pending = deficits.reduce((sum, d) => sum + d.deficit, 0);
          // The book walked to the bankruptcy price, solved here from the impact curve's definition.
          const flowAtPrice = (price: number): number | null => {
            if (cfg.impactModel === 'none') return null;
            const y = (price / base - 1 - baseDisplacement) / 0.01;
            return cfg.impactModel === 'linear' ? y * depth : Math.sign(y) * y * y * depth;
          };
          const deleveraged = contractsToDeleverage(
            { side: a.side, sizeBase: a.size, entryPrice: a.entry, collateralUnits: a.collateral, bankruptcyPrice: bankruptcy, markPrice: oracle, usableFundUnits: Math.max(0, fundAvailable() - pending) },
            { index: base, flowQuote: flow, fillBetween, flowAtPrice, restingPrice: () => base * (1 + baseDisplacement) },
          );
          const sold = a.size - deleveraged;
          if (deleveraged > 0 && sold * oracle <= capacity) {
            capacity -= sold * oracle;
            const to = flow - a.side * sold * base;
            const fill = fillBetween(flow, to);
            flow = to;
            let c = a.collateral + Math.floor(a.side * sold * (fill - a.entry) * UNITS_PER_QUOTE) + Math.floor(a.side * deleveraged * (bankruptcy - a.entry) * UNITS_PER_QUOTE);
            const penalty = Math.min(Math.floor(cfg.penaltyRatio * sold * fill * UNITS_PER_QUOTE), Math.max(0, Math.floor(c)));
            c -= penalty;
            credit(Math.floor(penalty * cfg.penaltyToFund));
            r.liquidations++;
            const deficit = Math.floor(a.side * deleveraged * (bankruptcy - oracle) * UNITS_PER_QUOTE) + Math.max(0, -c);
            a.open = false;
            a.size = 0;
            a.collateral = Math.max(0, c);
            if (deficit > 0) pushDeficit({ account: j, side: a.side, deficit, remainder: deficit, bankruptcy, fill: oracle });
            queue.splice(i, 1);
            continue;
          }
        }
        let chunked = false;
        if (q * oracle > capacity) {
          q = Math.min(a.size, capacity / oracle);
          chunked = q < a.size;
          capacity = 0;
        } else capacity -= q * oracle;
        const from = flow;
        flow -= a.side * q * base;
        const fill = fillBetween(from, flow);
        const before = a.collateral;
        let c = before + Math.floor(a.side * q * (fill - a.entry) * UNITS_PER_QUOTE);
        const rest = q >= a.size ? 0 : a.size - q;
        const equity = rest === 0 ? c : c + a.side * rest * (fill - a.entry) * UNITS_PER_QUOTE;
        const penalty = Math.min(Math.floor(cfg.penaltyRatio * q * fill * UNITS_PER_QUOTE), Math.max(0, Math.floor(equity)));
        c -= penalty;
        credit(Math.floor(penalty * cfg.penaltyToFund));
        r.liquidations++;
        onClose?.({ step: t, account: j, side: a.side, restSize: rest, entry: a.entry, collateral: c, markAfter: cfg.oracleDelaySteps === 0 ? markAt(flow) : oracle, limited: chunked || (large && q < a.size && q === cfg.slice!.fraction * a.size) });
        if (rest > 0) {
          a.size = rest;
          a.collateral = c;
          if (large) nextSlice.set(j, t + 1 + cfg.slice!.cooldownSteps);
          if (chunked) {
            stop = true;
            break;
          }
          if (sliceLeavesRest) i++;
          else queue.splice(i, 1);
          continue;
        }
        a.open = false;
        a.size = 0;
        if (c < 0) {
          pushDeficit({ account: j, side: a.side, deficit: -c, remainder: -c, bankruptcy: a.entry - (a.side * before) / UNITS_PER_QUOTE / q, fill });
          c = 0;
        }
        a.collateral = c;
        queue.splice(i, 1);
      }


      // Settlement: fund first, event by event, within its balance and the step's draw limit.
      for (const d of deficits) {
        const draw = Math.min(d.deficit, fundAvailable());
        fund -= draw;
        drawn += draw;
        r.fundDraw += draw;
        d.remainder = d.deficit - draw;
        if (d.remainder > 0 && fund === 0 && r.fundDepletedStep < 0) r.fundDepletedStep = t;
      }
      const rest = deficits.reduce((s, d) => s + d.remainder, 0);
      if (rest > 0) {
        if (cfg.mechanism === 'bad-debt') r.uncovered += rest;
        else if (cfg.mechanism === 'backstop') r.vaultLoss += rest;
        else if (cfg.mechanism === 'socialize' && cfg.socializeBase === 'open-interest') {
          // Drift style: the side opposite each bankruptcy pays, pro rata to position size.
          for (const payer of [1, -1]) {
            const amount = deficits.filter((d) => d.side === -payer).reduce((sum, d) => sum + d.remainder, 0);
            if (amount === 0) continue;
            const payers = accounts.map((a, k) => ({ a, k })).filter((p) => p.a.open && p.a.side === payer);
            if (payers.length === 0) {
              r.uncovered += amount;
              continue;
            }
            const weights = new Float64Array(payers.length);
            sizeWeights(payers.map((p) => p.a.size), amount, weights);
            const shares = new Float64Array(payers.length);
            allocateProRataBig(amount, weights, shares);
            payers.forEach((p, i) => {
              if (shares[i]! > 0) bear(p.k, shares[i]!);
            });
          }
        } else if (cfg.mechanism === 'socialize') {
          const winners = accounts
            .map((a, k) => ({ k, profit: a.open ? Math.floor(a.side * a.size * (oracle - a.entry) * UNITS_PER_QUOTE) - a.haircutTaken : 0 }))
            .filter((w) => w.profit > 0);
          const total = winners.reduce((s, w) => s + w.profit, 0);
          const taken = Math.min(rest, total);
          r.uncovered += rest - taken;
          const shares = new Float64Array(winners.length);
          if (taken > 0) allocateProRataBig(taken, winners.map((w) => w.profit), shares);
          winners.forEach((w, i) => {
            if (shares[i]! > 0) {
              bear(w.k, shares[i]!);
              accounts[w.k]!.haircutTaken += shares[i]!;
            }
          });
        } else {
          // ADL queues ranked once for this settlement, at its mark (the oracle price), per side.
          const queues = new Map<number, number[]>();
          const queueFor = (side: number) => {
            let queue = queues.get(side);
            if (!queue) {
              const ranked = accounts
                .map((a, k) => ({ a, k, equity: a.open && a.side === side ? equityQuote(a.side, a.size, a.entry, a.collateral, oracle) : 0 }))
                .filter((c) => c.equity > 0);
              if (cfg.adlRanking === 'pnl-leverage') {
                const score = (c: (typeof ranked)[number]) => {
                  const pnl = (c.a.side * (oracle - c.a.entry)) / c.a.entry;
                  const lev = (c.a.size * oracle) / c.equity;
                  return pnl > 0 ? pnl * lev : pnl / lev;
                };
                ranked.sort((x, y) => score(y) - score(x) || x.k - y.k);
              } else if (cfg.adlRanking === 'hyperliquid') {
                const score = (c: (typeof ranked)[number]) => (c.a.side > 0 ? oracle / c.a.entry : c.a.entry / oracle) * ((c.a.size * oracle) / c.equity);
                ranked.sort((x, y) => score(y) - score(x) || x.k - y.k);
              }
              queue = ranked.map((c) => c.k);
              queues.set(side, queue);
            }
            return queue;
          };
          for (const d of deficits) {
            if (d.remainder === 0) continue;
            let left = d.remainder;
            const gap = Math.abs(d.fill - d.bankruptcy);
            const queue = queueFor(-d.side);
            let order = queue;
            if (gap > 0 && queue.length > 0 && cfg.adlRanking === 'random') {
              const start = adlRng.nextInt(queue.length);
              order = [...queue.slice(start), ...queue.slice(0, start)];
            }
            if (gap > 0 && queue.length > 0) r.adlNeeded += left;
            let borne = 0;
            for (const k of gap > 0 ? order : []) {
              const a = accounts[k]!;
              if (left === 0) break;
              if (!a.open) continue;
              const sizeCap = Math.floor(a.size * gap * UNITS_PER_QUOTE);
              const equityUnits = Math.floor(a.collateral + a.side * a.size * (d.fill - a.entry) * UNITS_PER_QUOTE);
              const cap = Math.min(sizeCap, equityUnits);
              if (cap <= 0) continue;
              const loss = Math.min(left, cap);
              const contracts = cfg.adlSize === 'full' ? a.size : loss === sizeCap ? a.size : Math.min(a.size, loss / UNITS_PER_QUOTE / gap);
              const realized = Math.floor(a.side * contracts * (d.fill - a.entry) * UNITS_PER_QUOTE);
              a.collateral += realized;
              if (realized > 0) r.adlProfitClosed += realized;
              if (cfg.adlClosePrice === 'bankruptcy') {
                bear(k, loss);
                borne += loss;
              }
              r.adlNotional += contracts * d.fill;
              left -= loss;
              if (contracts === a.size) {
                a.open = false;
                a.size = 0;
              } else a.size -= contracts;
            }
            r.uncovered += d.remainder - borne;
          }
        }
      }
      if (cfg.oracleDelaySteps === 0) oracle = markAt(flow);
      if (stop) break;
    }
    const total = displacement(flow);
    if (cfg.impactPermanentShare > 0) permanent = clampDisplacement(permanent + cfg.impactPermanentShare * impactDisplacement(cfg.impactModel, flow, depth));
    transient = total - permanent;
    endPrices.push(base * (1 + cfg.markImpactWeight * total));
  }
  const finalMark = endPrices[endPrices.length - 1] ?? cfg.initialPrice;
  const openDeficit = accounts.reduce((sum, a) => sum + (a.open ? openDeficitUnits(a.side, a.size, a.entry, a.collateral, finalMark) : 0), 0);
  const vaultPnl = cfg.mechanism === 'backstop' ? vault.cash + Math.floor(vault.position * (finalMark - vault.average) * UNITS_PER_QUOTE) - r.vaultLoss : 0;
  return { ...r, vaultPnl, fundEnd: fund, accountsHit: hit.size, borne: accounts.map((a) => a.borne), endPrices, openDeficit };
}

/** Exposed for golden tests that want the bankruptcy price of a population's account as the reference sees it. */
export function naiveBankruptcyPrice(population: Population, j: number): number {
  return bankruptcyPrice(population.side[j]!, population.sizeBase[j]!, population.entryPrice[j]!, population.collateralUnits[j]!);
}
