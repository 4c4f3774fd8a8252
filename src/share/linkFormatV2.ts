/**
 * Link format v2, FROZEN: `v=2&s=<payload>&c=<checksum>`. The payload is made exactly as v1's — a patch
 * against V2_BASE, raw DEFLATE with V2_DICTIONARY_TEXT, base64url — and V2_BASE / the dictionary ARE v1's
 * (same frozen objects: the state's meaning did not change, so a v1 link migrates to v2 untouched). What v2
 * adds is `c`: the first 12 hex digits (48 bits) of SHA-256 over `v=2&s=<payload>`, so a link with a flipped,
 * lost or added character is refused instead of opening a different proposal (one in 400 single-bit flips
 * of a v1 link opened a valid, different state). Like v1's, neither the base nor the checksum rule may change
 * once v2 links are shared; a new base means a v3 and a migration.
 */
import { sha256Hex } from '../engine/identity';
import { V1_BASE, V1_DICTIONARY_TEXT } from './linkFormatV1';

export const V2_BASE = V1_BASE;
export const V2_DICTIONARY_TEXT = V1_DICTIONARY_TEXT;

/** Hex digits of the checksum. */
export const V2_CHECKSUM_CHARS = 12;

/** The checksum of a v2 link with this payload. */
export function v2Checksum(payload: string): string {
  return sha256Hex(`v=2&s=${payload}`).slice(0, V2_CHECKSUM_CHARS);
}
