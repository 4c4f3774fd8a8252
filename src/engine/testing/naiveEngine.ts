import { bankruptcyPrice, equityQuote, isLiquidatableAt, openDeficitUnits, partialCloseSize, type CloseQuote } from '../margin/accountMath';
import { averageImpactDisplacement, clampDisplacement, decayDisplacement, impactDisplacement, thinnedDepth } from '../liquidation/priceImpact';
import { allocateProRataBig } from '../money/allocateProRata';
import { UNITS_PER_QUOTE } from '../money/money';
import type { Population } from '../population/population';
import { PathRng, RNG_STREAM } from '../rng/pathRng';
import type { SimConfig } from '../sim/simConfig';

/**
 * The reference engine for differential tests and nothing else: every account checked at every look, accounts
 * as plain objects, the waterfall written out in one place, allocation in BigInt. It shares only the DESIGN.md
 * §5 definitions (equity, liquidatable, bankruptcy price, partial size, impact curve, its average, thinned depth,
 * open deficit) with the production engine; orchestration, the mark, the book's permanent and transient memory,
 * slicing, queueing, settlement and ledger are written again here, slowly and plainly.
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

const MAX_ROUNDS = 50;

export function naiveSimulatePath(cfg: SimConfig, population: Population, prices: Float64Array, seed: number, pathIndex: number): NaivePathResult {
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
  const r = { badDebt: 0, fundDraw: 0, socializedLoss: 0, vaultLoss: 0, uncovered: 0, liquidations: 0, adlNotional: 0, fundDepletedStep: -1 };
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

  for (let t = 0; t < prices.length; t++) {
    const base = prices[t]!;
    if (t > 0) credit(cfg.fundInflowPerStepUnits);
    peak = Math.max(peak, base);
    const depth = thinnedDepth(cfg.impactDepthQuote, cfg.impactThinning, base, peak);
    if (t > 0) transient = decayDisplacement(transient, cfg.impactDecayPerStep);
    const baseDisplacement = permanent + transient;
    let flow = 0;
    let capacity = cfg.maxNotionalPerStepQuote;
    let drawn = 0;
    const displacement = (f: number) => clampDisplacement(baseDisplacement + impactDisplacement(cfg.impactModel, f, depth));
    const markAt = (f: number) => base * (1 + cfg.markImpactWeight * displacement(f));
    const fillBetween = (from: number, to: number) => base * (1 + clampDisplacement(baseDisplacement + averageImpactDisplacement(cfg.impactModel, from, to, depth)));
    let oracle = cfg.oracleDelaySteps === 0 ? markAt(flow) : t >= cfg.oracleDelaySteps ? endPrices[t - cfg.oracleDelaySteps]! : cfg.initialPrice;

    for (let round = 0; round < MAX_ROUNDS; round++) {
      accounts.forEach((a, j) => {
        if (!queue.includes(j) && liquidatable(a, oracle)) queue.push(j);
      });
      if (queue.length === 0) break;
      const deficits: Deficit[] = [];
      let stop = false;
      let i = 0;
      while (i < queue.length) {
        const j = queue[i]!;
        const a = accounts[j]!;
        if (!liquidatable(a, oracle)) {
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
          r.badDebt += -c;
          deficits.push({ account: j, side: a.side, deficit: -c, remainder: -c, bankruptcy: a.entry - (a.side * before) / UNITS_PER_QUOTE / q, fill });
          c = 0;
        }
        a.collateral = c;
        queue.splice(i, 1);
      }


      // Settlement: fund first, event by event, within its balance and the step's draw limit.
      for (const d of deficits) {
        const draw = Math.min(d.deficit, fund, cfg.fundMaxDrawPerStepUnits - drawn);
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
        else if (cfg.mechanism === 'socialize') {
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
            for (const k of gap > 0 ? order : []) {
              const a = accounts[k]!;
              if (left === 0) break;
              if (!a.open) continue;
              const sizeCap = Math.floor(a.size * gap * UNITS_PER_QUOTE);
              const equityUnits = Math.floor(a.collateral + a.side * a.size * (d.fill - a.entry) * UNITS_PER_QUOTE);
              const cap = Math.min(sizeCap, equityUnits);
              if (cap <= 0) continue;
              const loss = Math.min(left, cap);
              const contracts = loss === sizeCap ? a.size : Math.min(a.size, loss / UNITS_PER_QUOTE / gap);
              a.collateral += Math.floor(a.side * contracts * (d.fill - a.entry) * UNITS_PER_QUOTE);
              bear(k, loss);
              r.adlNotional += contracts * d.fill;
              left -= loss;
              if (contracts === a.size) {
                a.open = false;
                a.size = 0;
              } else a.size -= contracts;
            }
            r.uncovered += left;
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
  return { ...r, fundEnd: fund, accountsHit: hit.size, borne: accounts.map((a) => a.borne), endPrices, openDeficit };
}

/** Exposed for golden tests that want the bankruptcy price of a population's account as the reference sees it. */
export function naiveBankruptcyPrice(population: Population, j: number): number {
  return bankruptcyPrice(population.side[j]!, population.sizeBase[j]!, population.entryPrice[j]!, population.collateralUnits[j]!);
}
