import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeArray, encodeArray } from './typedArrays';

describe('typed array encoding', () => {
  it('gives back every double bit for bit (−0, NaN payloads, subnormals, extremes)', () => {
    fc.assert(
      fc.property(fc.float64Array({ maxLength: 200 }), (values) => {
        const back = decodeArray(JSON.parse(JSON.stringify(encodeArray(values))), 'x', 'f64');
        expect(new Uint8Array(back.buffer)).toEqual(new Uint8Array(values.buffer));
      }),
    );
  });

  it('writes little-endian bytes whatever the host (a part made on one machine merges on any other)', () => {
    expect(encodeArray(Float64Array.of(1, -0)).base64).toBe(Buffer.from([0, 0, 0, 0, 0, 0, 0xf0, 0x3f, 0, 0, 0, 0, 0, 0, 0, 0x80]).toString('base64'));
    expect(encodeArray(Int32Array.of(1, -2)).base64).toBe(Buffer.from([1, 0, 0, 0, 0xfe, 0xff, 0xff, 0xff]).toString('base64'));
  });

  it('gives back Int32 and Uint8 columns', () => {
    fc.assert(
      fc.property(fc.int32Array({ maxLength: 200 }), fc.uint8Array({ maxLength: 200 }), (ints, bytes) => {
        expect(decodeArray(encodeArray(ints), 'i', 'i32')).toEqual(ints);
        expect(decodeArray(encodeArray(bytes), 'b', 'u8')).toEqual(bytes);
      }),
    );
  });

  it('refuses a wrong type or a length that does not fit the bytes, naming the column', () => {
    const encoded = encodeArray(Float64Array.of(1, 2, 3));
    expect(() => decodeArray(encoded, 'column badDebtUnits', 'i32')).toThrow(/column badDebtUnits has type 'f64', expected 'i32'/);
    expect(() => decodeArray({ ...encoded, length: 4 }, 'column badDebtUnits', 'f64')).toThrow(/column badDebtUnits holds 24 bytes, expected 4 × 8/);
    expect(() => decodeArray(null, 'column x', 'f64')).toThrow(/column x is not an encoded array/);
  });
});
