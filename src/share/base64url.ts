/**
 * base64url without padding (RFC 4648 §5): the alphabet that survives a URL fragment unescaped. Written here
 * because neither `atob`/`btoa` (binary strings, '+/=') nor Node's Buffer serve both the page and Node tests.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

const VALUE_OF = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUE_OF[ALPHABET.charCodeAt(i)] = i;

export function encodeBase64url(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i] ?? 0;
    const b1 = bytes[i + 1] ?? 0;
    const b2 = bytes[i + 2] ?? 0;
    const n = (b0 << 16) | (b1 << 8) | b2;
    const left = bytes.length - i;
    chunk += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]!;
    if (left > 1) chunk += ALPHABET[(n >> 6) & 63]!;
    if (left > 2) chunk += ALPHABET[n & 63]!;
    if (chunk.length >= 8192) {
      parts.push(chunk);
      chunk = '';
    }
  }
  parts.push(chunk);
  return parts.join('');
}

export type Base64urlResult = { ok: true; bytes: Uint8Array } | { ok: false; problem: string };

/**
 * Decodes base64url without padding. Refuses (never throws on) any other character and a length that no
 * byte string encodes to (length % 4 === 1). Leftover bits of the last character are ignored.
 */
export function decodeBase64url(text: string): Base64urlResult {
  if (text.length % 4 === 1) {
    return { ok: false, problem: `its payload has a length (${text.length}) that no base64url text has; it was cut or padded` };
  }
  const bytes = new Uint8Array(Math.floor((text.length * 3) / 4));
  let out = 0;
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const value = code < 128 ? VALUE_OF[code]! : -1;
    if (value < 0) {
      const shown = JSON.stringify(text.charAt(i)).slice(1, -1);
      return {
        ok: false,
        problem: `its payload has a character that is not base64url (A–Z, a–z, 0–9, '-', '_'): '${shown}' at position ${i + 1}`,
      };
    }
    acc = ((acc << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[out++] = (acc >> bits) & 0xff;
    }
  }
  return { ok: true, bytes: bytes.subarray(0, out) };
}
