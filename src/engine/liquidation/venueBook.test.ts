import { describe, expect, it } from 'vitest';
import { legacyDefaultParams } from '../params/defaults';
import { PathRng, RNG_STREAM } from '../rng/pathRng';
import { simConfig } from '../sim/config/simConfig';
import { thinnedDepth } from '../impact/priceImpact';
import { VenueBook } from './venueBook';

/**
 * The venue caches its mark and computes its thinned depth lazily (speed). Both must be exactly what computing
 * them afresh from the same state gives, whatever order steps, orders and reads come in.
 */
describe('VenueBook caches', () => {
  it('mark() is markAt(flowQuote) to the bit after any sequence of steps and orders', () => {
    const cfg = simConfig(legacyDefaultParams());
    expect(cfg.impactThinning).toBeGreaterThan(0);
    const venue = new VenueBook(cfg);
    const rng = new PathRng(3, 0, RNG_STREAM.price);
    let index = 100;
    let checked = 0;
    for (let path = 0; path < 3; path++) {
      venue.startPath();
      for (let t = 0; t < 400; t++) {
        index *= 1 + 0.01 * (rng.nextFloat() - 0.55);
        venue.startStep(t, index);
        // Read the mark first on some steps, so a cached value from before an order would show.
        if (rng.nextFloat() < 0.5) expect(Object.is(venue.mark(), venue.markAt(venue.flowQuote))).toBe(true);
        const orders = rng.nextFloat() < 0.3 ? rng.nextInt(4) : 0;
        for (let k = 0; k < orders; k++) {
          venue.execute(rng.nextFloat() < 0.7 ? 1 : -1, 50 * rng.nextFloat());
          expect(Object.is(venue.mark(), venue.markAt(venue.flowQuote))).toBe(true);
          expect(Object.is(venue.mark(), venue.mark())).toBe(true);
          checked++;
        }
        const end = venue.endStep();
        expect(Number.isFinite(end)).toBe(true);
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('the lazily thinned depth is thinnedDepth of the step’s index and running peak', () => {
    const cfg = simConfig(legacyDefaultParams());
    const venue = new VenueBook(cfg);
    venue.startPath();
    const prices = [100, 104, 97, 90, 95, 104.5, 80];
    let peak = 0;
    prices.forEach((price, t) => {
      peak = Math.max(peak, price);
      venue.startStep(t, price);
      expect(venue.depthShare()).toBe(thinnedDepth(cfg.impactDepthQuote, cfg.impactThinning, price, peak) / cfg.impactDepthQuote);
      venue.endStep();
    });
  });
});
