import { v1DefaultShareState } from './testing/v1Defaults';
// Links that survive mail clients, prose and bit rot (issue 18 §2, §7): percent-encoded and punctuated links
// open; v2 links carry a checksum, so a damaged one is refused, never opened as a different proposal; v1 links
// keep their meaning; a seeded fuzz of 10,000 damaged links holds all of that.
import { describe, expect, it } from 'vitest';
import { decodeShareState, encodeShareState } from './codec';
import { LINK_VERSIONS } from './migrations';
import { V1_BASE } from './linkFormatV1';
import { V2_BASE, v2Checksum } from './linkFormatV2';
import { normalizeLinkFragment } from './linkFragment';
import { type ShareState } from './shareState';
import { FUZZ_STATES, fuzzLinks } from './testing/linkFuzz';

const SEED_42: ShareState = FUZZ_STATES[1]!;
const V1_ONLY = { ...LINK_VERSIONS, current: 1 };
const sameState = (hash: string, state: ShareState) => expect(decodeShareState(hash)).toStrictEqual({ ok: true, state, notes: [] });

describe('damage that cannot change a link is undone', () => {
  const v1 = encodeShareState(SEED_42, V1_ONLY);
  const v2 = encodeShareState(SEED_42);

  it.each([
    ['percent-encoded (the issue: it opened seed 1 / 1,000 paths silently)', (f: string) => `#${encodeURIComponent(f)}`],
    ['percent-encoded twice', (f: string) => encodeURIComponent(encodeURIComponent(f))],
    ['with its # encoded too', (f: string) => encodeURIComponent(`#${f}`)],
    ['followed by a full stop', (f: string) => `${f}.`],
    ['in Markdown parentheses', (f: string) => `${f})`],
    ['followed by a comma', (f: string) => `${f},`],
    ['in angle brackets', (f: string) => `${f}>`],
    ['followed by ").', (f: string) => `${f}").`],
    ['in bold Markdown', (f: string) => `${f}**`],
    ['with spaces around', (f: string) => ` ${f} `],
    ['encoded and punctuated', (f: string) => `${encodeURIComponent(f)}).`],
  ])('a v1 and a v2 link %s open the shared state', (_name, hurt) => {
    sameState(hurt(v1), SEED_42);
    sameState(hurt(v2), SEED_42);
  });

  it('a malformed percent-encoding is refused in words', () => {
    const result = decodeShareState(`${v2.slice(0, 10)}%E0%A4%A`);
    expect(!result.ok && result.problems).toEqual(['the link is damaged: it is percent-encoded (%xx), but not correctly']);
  });

  it('trims 2 MB of dots in linear time', () => {
    const started = performance.now();
    expect(normalizeLinkFragment(`${'.'.repeat(1_999_000)}x`).ok).toBe(true);
    expect(normalizeLinkFragment(`x${'.'.repeat(1_999_000)}`)).toEqual({ ok: true, fragment: 'x', changed: true });
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('link format v2', () => {
  it('writes v=2&s=…&c=<12 hex digits of SHA-256 over v=2&s=…>', () => {
    const link = encodeShareState(SEED_42);
    const [, payload, check] = /^v=2&s=([A-Za-z0-9_-]+)&c=([0-9a-f]{12})$/.exec(link) ?? [];
    expect(check).toBe(v2Checksum(payload!));
  });

  it('is pinned: this v2 link means seed 42, 500 paths on the frozen base, forever', () => {
    // The frozen base is what the defaults were when v1 was made; the live defaults have moved on since.
    const seed42OnBase = v1DefaultShareState((s) => {
      s.run = { paths: 500, seed: 42 };
    });
    sameState('v=2&s=q0azGehdmMUmRrW1AA&c=fe7ffe49bed3', seed42OnBase);
    // Encoding it today spells out the round-two fields the base lacks; the link still means the same state.
    sameState(encodeShareState(seed42OnBase), seed42OnBase);
  });

  it('diffs against the frozen v1 base, not the live defaults', () => {
    expect(V2_BASE).toBe(V1_BASE);
    expect(Object.isFrozen(V2_BASE)).toBe(true);
    expect(LINK_VERSIONS.formats[2]!.base).toBe(V1_BASE);
  });

  it('old v1 links still open with their meaning and no note', () => {
    sameState('v=1&s=q64FAA', v1DefaultShareState());
    sameState(encodeShareState(SEED_42, V1_ONLY), SEED_42);
  });

  it('refuses a v2 link without its checksum, or with a wrong one', () => {
    const link = encodeShareState(SEED_42);
    const cut = link.slice(0, link.indexOf('&c='));
    expect(decodeShareState(cut)).toMatchObject({ ok: false, problems: ['the link is damaged: it has no checksum (c=…); it may have been cut short'] });
    expect(decodeShareState(`${cut}&c=`)).toMatchObject({ ok: false });
    expect(decodeShareState(`${cut}&c=000000000000`)).toMatchObject({
      ok: false,
      problems: ['the link is damaged: its checksum does not match its content (a character was changed, lost or added); it was not opened'],
    });
  });

  it('refuses a checksum on a v1 link (a v=2 flipped to v=1 is not read as v1)', () => {
    const link = encodeShareState(SEED_42).replace('v=2', 'v=1');
    expect(decodeShareState(link)).toMatchObject({ ok: false, problems: ['the link is damaged: a v=1 link has no checksum (c=), but this one has one'] });
  });

  it('every single-bit flip of every character of a v2 link is refused or opens the same state', () => {
    for (const state of FUZZ_STATES) {
      const link = encodeShareState(state);
      let opened = 0;
      for (let at = 0; at < link.length; at++) {
        for (let bit = 0; bit < 7; bit++) {
          const flipped = link.slice(0, at) + String.fromCharCode(link.charCodeAt(at) ^ (1 << bit)) + link.slice(at + 1);
          const result = decodeShareState(flipped);
          if (!result.ok) continue;
          opened++;
          expect(encodeShareState(result.state), flipped).toBe(link);
        }
      }
      // Only flips that turn a trailing hex digit of c into punctuation that is trimmed... none exist; and
      // flips inside 'c=' that make it unknown are refused: nothing opens at all.
      expect(opened).toBe(0);
    }
  });
});

describe('a seeded fuzz of 10,000 damaged links', () => {
  it('never throws, never errs internally, never opens a different state; benign damage opens the original', () => {
    const report = fuzzLinks(10_000, 18);
    expect(report.failures).toEqual([]);
    expect(report.runs).toBe(10_000);
    expect(report.opened + report.refused).toBe(10_000);
    expect(report.opened).toBeGreaterThan(500); // the benign kinds alone are ~1/5 of the runs
  });
});
