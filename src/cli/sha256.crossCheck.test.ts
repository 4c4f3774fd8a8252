import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../engine/identity';

// The engine's SHA-256 must stay pure (no Node APIs); here, on the Node side, it is checked against Node's own.
describe('sha256Hex against node:crypto', () => {
  it('agrees on any text, block boundaries and non-ASCII included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
      }),
      { numRuns: 300 },
    );
  });
});
