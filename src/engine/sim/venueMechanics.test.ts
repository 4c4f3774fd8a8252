import { describe, expect, it } from 'vitest';
import { equityQuote, isLiquidatableAt, partialCloseSize, type CloseQuote } from '../margin/accountMath';
import { initialRequirement, maintenanceRequirement, marginSchedule } from '../margin/marginSchedule';
import { averageImpactDisplacement, impactDisplacement, thinnedDepth } from '../impact/priceImpact';
import { VenueBook } from '../liquidation/venueBook';
import { UNITS_PER_QUOTE } from '../money/money';
import { formatProblems, validateParams } from '../params/validateParams';
import type { RiskParams } from '../params/riskParams';
import { aWorld, anAccount } from '../testing/builders';
import type { PathEvent } from './book/pathEvents';
import { simConfig } from './config/simConfig';
import { createSimulator } from './simulateRange';
import { tracePath } from './tracePath';

/** Hand-worked examples of the round-two liquidation mechanics (issue 13), one per rule. */

const units = (quote: number) => Math.round(quote * UNITS_PER_QUOTE);

function liquidations(params: RiskParams): Extract<PathEvent, { kind: 'liquidation' }>[] {
  return tracePath(params, 1, 0).events.filter((e): e is Extract<PathEvent, { kind: 'liquidation' }> => e.kind === 'liquidation');
}

describe('continuous tiers (maintenance amount)', () => {
  // Long 2,499.9 @ 100 with 2,000 collateral; 0.5 % below 250k notional, 1 % above.
  const margin = { initialMarginRatio: 0.01, maintenanceMarginRatio: 0.005, tiers: [{ notionalFloor: '250000', maintenanceMarginRatio: 0.01, initialMarginRatio: 0.02 }] };
  const schedule = marginSchedule(margin);

  it('the maintenance amount is floor × (ratio above − ratio below): 250,000 × 0.5 % = 1,250', () => {
    expect(schedule.maintenanceAmounts[1]).toBeCloseTo(1250, 9);
    expect(schedule.initialAmounts[1]).toBeCloseTo(2500, 9);
    // At 250,015 notional: 2,500.15 − 1,250 = 1,250.15, not the cliff's 2,500.15.
    expect(maintenanceRequirement(schedule, 250_015)).toBeCloseTo(1250.15, 6);
    expect(initialRequirement(schedule, 250_015)).toBeCloseTo(2500.3, 6);
    // Continuous at the floor.
    expect(maintenanceRequirement(schedule, 250_000)).toBeCloseTo(maintenanceRequirement(schedule, 249_999.999999), 4);
  });

  it('a profitable long is NOT liquidated when a price rise carries it over the floor (100 → 100.01)', () => {
    const collateral = units(2000);
    expect(equityQuote(1, 2499.9, 100, collateral, 100.01)).toBeCloseTo(2024.999, 6);
    expect(isLiquidatableAt(schedule, 1, 2499.9, 100, collateral, 100.01)).toBe(false);
    const world = aWorld({
      prices: ['100', '100.01', '100.01'],
      accounts: [anAccount({ id: 'whale', size: '2499.9', entryPrice: '100', collateral: '2000' })],
      margin,
    });
    expect(createSimulator(world, 1).run(0, 1).paths.liquidations[0]).toBe(0);
  });

  it('it is liquidated where equity meets the continuous requirement, found alike by both finders', () => {
    // Below the floor: 2,000 + 2,499.9·(p − 100) < 0.005·2,499.9·p ⇔ p < 247,990 / (2,499.9 · 0.995) ≈ 99.698.
    const world = aWorld({
      prices: ['100', '99.71', '99.69'],
      accounts: [anAccount({ id: 'whale', size: '2499.9', entryPrice: '100', collateral: '2000' })],
      margin,
    });
    for (const finder of ['frontier', 'scan'] as const) {
      const events = liquidations(world);
      expect(events.map((e) => e.step)).toEqual([2]);
      expect(createSimulator(world, 1, { finder }).run(0, 1).paths.liquidations[0]).toBe(1);
    }
  });
});

describe('index vs mark (markImpactWeight)', () => {
  // A falls through its maintenance at 96; its sale moves a thin linear book 2 % down; B sits between.
  const cascade = (weight: number) =>
    aWorld({
      prices: ['100', '96', '96'],
      accounts: [
        anAccount({ id: 'A', size: '10', entryPrice: '100', collateral: '80' }),
        // At 96 equity 5.2 ≥ 4.8 maintenance; at the impacted 95.04 equity 4.24 < 4.752.
        anAccount({ id: 'B', size: '1', entryPrice: '100', collateral: '9.2' }),
      ],
      liquidation: { impact: { model: 'linear', depth: '960', halfLifeSteps: 5, thinning: 0, permanentShare: 0 }, markImpactWeight: weight },
    });

  it('at weight 1 the own sale pushes the mark through B\'s threshold: a cascade', () => {
    const events = liquidations(cascade(1));
    expect(events.map((e) => [e.account, e.step])).toEqual([[0, 1], [1, 1]]);
  });

  it('at weight 0 the mark is the index: B survives, although A still fills in the impacted book', () => {
    const events = liquidations(cascade(0));
    expect(events.map((e) => e.account)).toEqual([0]);
    // A sells 960 notional into 960 of depth: the marginal book moves 1 %, the average fill 0.5 %.
    expect(events[0]!.fillPrice).toBeCloseTo(96 * (1 - 0.005), 9);
    expect(events[0]!.oraclePrice).toBe(96);
  });

  it('the mark takes the given share of the displacement', () => {
    const config = simConfig(cascade(0.25));
    const book = new VenueBook(config);
    book.startPath();
    book.startStep(0, 96);
    book.execute(1, 10);
    expect(book.mark()).toBeCloseTo(96 * (1 - 0.25 * 0.01), 12);
  });
});

describe('keeper slicing', () => {
  const whale = (slice: RiskParams['liquidation']['slice']) =>
    aWorld({
      prices: ['100', '80', '80', '80', '80', '80', '80'],
      accounts: [anAccount({ id: 'whale', size: '2000', entryPrice: '100', collateral: '20000' }), anAccount({ id: 'small', size: '1', entryPrice: '100', collateral: '10' })],
      liquidation: { slice },
    });

  it('a whale over 100k is sliced 20 % a step, the small account closes whole, and the rest waits its turn', () => {
    const events = liquidations(whale({ minNotional: '100000', fraction: 0.2, cooldownSteps: 0 }));
    const whaleEvents = events.filter((e) => e.account === 0);
    // 2,000 → 1,600 → 1,280 (notional 102,400 > 100k, still sliced) → 1,024 → then 81,920 notional: closed whole.
    expect(whaleEvents.map((e) => [e.step, Number(e.closedSizeBase.toFixed(6))])).toEqual([
      [1, 400],
      [2, 320],
      [3, 256],
      [4, 1024],
    ]);
    expect(whaleEvents.slice(0, 3).every((e) => !e.full)).toBe(true);
    expect(whaleEvents[3]!.full).toBe(true);
    expect(events.filter((e) => e.account === 1).map((e) => e.step)).toEqual([1]);
  });

  it('a cooldown of 2 steps leaves two quiet steps between slices', () => {
    const steps = liquidations(whale({ minNotional: '100000', fraction: 0.2, cooldownSteps: 2 })).filter((e) => e.account === 0).map((e) => e.step);
    expect(steps).toEqual([1, 4]);
  });

  it('without slicing the whale closes whole at once', () => {
    const steps = liquidations(whale(null)).filter((e) => e.account === 0).map((e) => [e.step, e.full]);
    expect(steps).toEqual([[1, true]]);
  });
});

describe('a book that thins and remembers', () => {
  it('depth falls exponentially with the drawdown from the running peak', () => {
    expect(thinnedDepth(1_000_000, 20, 88, 100)).toBeCloseTo(1_000_000 * Math.exp(-2.4), 6);
    expect(thinnedDepth(1_000_000, 0, 50, 100)).toBe(1_000_000);
    expect(thinnedDepth(1_000_000, 20, 101, 100)).toBe(1_000_000);
  });

  it('fills at the average over the impact curve: half the marginal move (linear), two thirds (sqrt)', () => {
    expect(averageImpactDisplacement('linear', 0, -5000, 1000)).toBeCloseTo(0.5 * impactDisplacement('linear', -5000, 1000), 15);
    expect(averageImpactDisplacement('sqrt', 0, -5000, 1000)).toBeCloseTo((2 / 3) * impactDisplacement('sqrt', -5000, 1000), 15);
    // Two halves of an order average to the whole order.
    const whole = averageImpactDisplacement('sqrt', 0, -4000, 1000);
    const halves = (averageImpactDisplacement('sqrt', 0, -2000, 1000) + averageImpactDisplacement('sqrt', -2000, -4000, 1000)) / 2;
    expect(halves).toBeCloseTo(whole, 14);
  });

  it('the permanent share of a step\'s impact stays; the rest decays with the half-life', () => {
    const world = aWorld({
      prices: ['100', '100'],
      accounts: [anAccount({ id: 'a' })],
      liquidation: { impact: { model: 'linear', depth: '1000', halfLifeSteps: 1, thinning: 0, permanentShare: 0.6 }, markImpactWeight: 1 },
    });
    const book = new VenueBook(simConfig(world));
    book.startPath();
    book.startStep(0, 100);
    book.execute(1, 10); // sells 1,000 notional: −1 %
    expect(book.endStep()).toBeCloseTo(99, 10);
    for (let t = 1; t <= 60; t++) {
      book.startStep(t, 100);
      book.endStep();
    }
    book.startStep(61, 100);
    expect(book.mark()).toBeCloseTo(100 * (1 - 0.006), 10);
  });

  it('a thinner book after a drawdown makes the same sale fill worse', () => {
    const world = (thinning: number) =>
      aWorld({
        prices: ['100', '90', '90'],
        accounts: [anAccount({ id: 'a', size: '10', entryPrice: '100', collateral: '50' })],
        liquidation: { impact: { model: 'linear', depth: '9000', halfLifeSteps: 5, thinning, permanentShare: 0 } },
      });
    const [still] = liquidations(world(0));
    const [thin] = liquidations(world(10));
    // 900 notional into 9,000 depth: 0.05 % average; thinned by e^(−10·0.1): 0.05 %·e.
    expect(still!.fillPrice).toBeCloseTo(90 * (1 - 0.0005), 9);
    expect(thin!.fillPrice).toBeCloseTo(90 * (1 - 0.0005 * Math.E), 9);
  });
});

describe('nothing lost at the horizon', () => {
  it('an account the delayed oracle has not caught yet is counted as open deficit at the last mark', () => {
    const world = aWorld({
      prices: ['100', '100', '80'],
      accounts: [anAccount({ id: 'late', size: '1', entryPrice: '100', collateral: '10' }), anAccount({ id: 'fine', side: 'short', size: '1', entryPrice: '100', collateral: '10' })],
      liquidation: { oracleDelaySteps: 1 },
    });
    const paths = createSimulator(world, 1).run(0, 1).paths;
    expect(paths.liquidations[0]).toBe(0);
    expect(paths.badDebtUnits[0]).toBe(0);
    // 10 + 1·(80 − 100) = −10.
    expect(paths.openDeficitUnits[0]).toBe(units(10));
    expect(paths.ledgerBalanced[0]).toBe(1);
  });

  it('an account still waiting for keeper capacity is counted too', () => {
    const world = aWorld({
      prices: ['100', '100', '85'],
      accounts: [anAccount({ id: 'first', size: '1', entryPrice: '100', collateral: '10' }), anAccount({ id: 'queued', size: '1', entryPrice: '100', collateral: '10' })],
      // Room for one close at 85: the second account is still queued, with equity 10 − 15 = −5, at the horizon.
      liquidation: { maxNotionalPerStep: '85' },
    });
    const paths = createSimulator(world, 1).run(0, 1).paths;
    expect(paths.liquidations[0]).toBe(1);
    expect(paths.badDebtUnits[0]).toBe(units(5));
    expect(paths.openDeficitUnits[0]).toBe(units(5));
  });
});

describe('partial liquidation sized at the expected fill', () => {
  it('leaves the remainder at or above initial margin after the fill, so one move costs one penalty', () => {
    const world = aWorld({
      prices: ['100', '95.2', '95.2', '95.2'],
      accounts: [anAccount({ id: 'a', size: '100', entryPrice: '100', collateral: '950' })],
      liquidation: { partial: true, penaltyRatio: 0.01, impact: { model: 'linear', depth: '20000', halfLifeSteps: 1000, thinning: 0, permanentShare: 0 } },
    });
    const trace = tracePath(world, 1, 0);
    const events = trace.events.filter((e) => e.kind === 'liquidation');
    expect(events).toHaveLength(1);
    const e = events[0]!;
    expect(e.full).toBe(false);
    const config = simConfig(world);
    const size = 100 - e.closedSizeBase;
    const mark = trace.marketPrice[1]!;
    const collateralAfter = 950 + e.closedSizeBase * (e.fillPrice - 100) - e.penaltyQuote;
    const equity = collateralAfter + size * (mark - 100);
    expect(equity).toBeGreaterThanOrEqual(initialRequirement(config.schedule, size * mark));
  });

  it('the sizing uses the pricer it is given (a worse fill needs a larger close)', () => {
    const schedule = marginSchedule({ initialMarginRatio: 0.1, maintenanceMarginRatio: 0.05, tiers: [] });
    const collateral = units(950);
    const atOracle = partialCloseSize(schedule, 0.01, 1, 100, 100, collateral, 95.2);
    const worse = partialCloseSize(schedule, 0.01, 1, 100, 100, collateral, 95.2, (q: number, out: CloseQuote) => {
      out.fill = 95.2 * (1 - 0.00001 * q);
      out.markAfter = 95.2 * (1 - 0.00002 * q);
    });
    expect(worse).toBeGreaterThan(atOracle);
    expect(worse).toBeLessThan(100);
  });
});

describe('replay alignment', () => {
  it('refuses a replay that does not start at market.initialPrice, naming both values', () => {
    const world = aWorld({ prices: ['110', '110', '110'], accounts: [anAccount({ id: 'a' })] });
    const result = validateParams({ ...world, market: { ...world.market, initialPrice: '100' } });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(formatProblems(result.problems)).toBe(
        "scenario.prices[0]: is '110' but market.initialPrice is '100'; a replay starts at the market's initial price, so set market.initialPrice to '110'",
      );
    }
  });

  it('accepts the same price written differently', () => {
    const world = aWorld({ prices: ['100.00', '101', '102'], accounts: [anAccount({ id: 'a' })] });
    expect(validateParams({ ...world, market: { ...world.market, initialPrice: '100' } }).ok).toBe(true);
  });
});
