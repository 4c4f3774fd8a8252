/**
 * Typed arrays as JSON-safe text without losing a bit: the little-endian bytes in base64. Float64 money units and
 * quote measures come back as the very same doubles (−0 and all), which decimal text would not promise.
 */
export type ArrayType = 'f64' | 'i32' | 'u8';
export type NumericArray = Float64Array | Int32Array | Uint8Array;

export interface EncodedArray {
  type: ArrayType;
  length: number;
  base64: string;
}

const BYTES: Record<ArrayType, number> = { f64: 8, i32: 4, u8: 1 };
/** On a little-endian host (every machine Node runs on in practice) the memory is the file's byte order. */
const HOST_LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

function typeOf(array: NumericArray): ArrayType {
  if (array instanceof Float64Array) return 'f64';
  if (array instanceof Int32Array) return 'i32';
  return 'u8';
}

function littleEndianBytes(array: NumericArray): Buffer {
  if (HOST_LITTLE_ENDIAN) return Buffer.from(array.buffer, array.byteOffset, array.byteLength);
  const bytes = Buffer.alloc(array.length * BYTES[typeOf(array)]);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (array instanceof Float64Array) array.forEach((v, i) => view.setFloat64(8 * i, v, true));
  else if (array instanceof Int32Array) array.forEach((v, i) => view.setInt32(4 * i, v, true));
  else bytes.set(array);
  return bytes;
}

export function encodeArray(array: NumericArray): EncodedArray {
  return { type: typeOf(array), length: array.length, base64: littleEndianBytes(array).toString('base64') };
}

/** Decodes an EncodedArray; throws an Error naming `what` when the type, length or bytes do not fit. */
export function decodeArray(encoded: unknown, what: string, expected: ArrayType): NumericArray {
  const e = encoded as Partial<EncodedArray> | null;
  if (typeof e !== 'object' || e === null || typeof e.base64 !== 'string' || !Number.isSafeInteger(e.length)) throw new Error(`${what} is not an encoded array`);
  if (e.type !== expected) throw new Error(`${what} has type '${String(e.type)}', expected '${expected}'`);
  const length = e.length as number;
  const bytes = Buffer.from(e.base64, 'base64');
  if (bytes.length !== length * BYTES[expected]) throw new Error(`${what} holds ${bytes.length} bytes, expected ${length} × ${BYTES[expected]}`);
  if (HOST_LITTLE_ENDIAN) {
    const aligned = new Uint8Array(bytes); // a copy in its own buffer, aligned for the wider views
    return expected === 'f64' ? new Float64Array(aligned.buffer) : expected === 'i32' ? new Int32Array(aligned.buffer) : aligned;
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (expected === 'f64') return Float64Array.from({ length }, (_, i) => view.getFloat64(8 * i, true));
  if (expected === 'i32') return Int32Array.from({ length }, (_, i) => view.getInt32(4 * i, true));
  return Uint8Array.from(bytes);
}

export function arrayTypeOf(array: NumericArray): ArrayType {
  return typeOf(array);
}
