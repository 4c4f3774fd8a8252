import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64url, encodeBase64url } from './base64url';

const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('base64url', () => {
  // RFC 4648 §10 test vectors, padding removed.
  it.each([
    ['', ''],
    ['f', 'Zg'],
    ['fo', 'Zm8'],
    ['foo', 'Zm9v'],
    ['foob', 'Zm9vYg'],
    ['fooba', 'Zm9vYmE'],
    ['foobar', 'Zm9vYmFy'],
  ])('encodes %j as %j', (text, encoded) => {
    expect(encodeBase64url(ascii(text))).toBe(encoded);
    expect(decodeBase64url(encoded)).toStrictEqual({ ok: true, bytes: ascii(text) });
  });

  it('uses - and _ where base64 uses + and /', () => {
    expect(encodeBase64url(new Uint8Array([0xfb, 0xff, 0xbf]))).toBe('-_-_');
  });

  it('round-trips any bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 20_000 }), (bytes) => {
      const text = encodeBase64url(bytes);
      expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
      expect(decodeBase64url(text)).toStrictEqual({ ok: true, bytes });
    }), { numRuns: 200 });
  });

  it.each([
    ['a + (standard base64)', 'ab+c', "'+' at position 3"],
    ['padding', 'Zg==', "'=' at position 3"],
    ['a space', 'Zm 9', "' ' at position 3"],
    ['a non-ASCII letter', 'Zmé9', "'é' at position 3"],
    ['a length of 4n + 1', 'Zm9vY', 'has a length (5)'],
  ])('refuses %s', (_name, text, message) => {
    const result = decodeBase64url(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem).toContain(message);
  });
});
