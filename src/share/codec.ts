/**
 * The share-link codec: ShareState ⇄ URL fragment `v=<version>&s=<payload>`, where the payload is the JSON
 * patch from the version's frozen base to the state (jsonPatch.ts), raw-DEFLATE compressed (fflate, with the
 * version's preset dictionary) and base64url encoded without padding.
 *
 * decodeShareState is the one door for links (STYLE.md §8.10): it never throws, checks every limit before the
 * work it guards, refuses prototype keys, migrates old versions, and validates the result like a parameters
 * file. Pure: takes and returns strings and objects; no DOM, no location.
 */
import { lossMechanismUpgradeNotes } from './lossMechanismUpgrade';
import { Inflate, deflateSync } from 'fflate';
import { describeValue } from '../engine/params/schema';
import { decodeBase64url, encodeBase64url } from './base64url';
import { applyJsonPatch, diffJson, forbiddenKeyPath, isJsonObject, jsonNestingDepth, type Json } from './jsonPatch';
import { normalizeLinkFragment } from './linkFragment';
import { LINK_VERSIONS, migrateToCurrent, type LinkVersions } from './migrations';
import { defaultShareState, freshPageState, type ShareState } from './shareState';
import { validateShareState } from './validateShareState';

export const SHARE_LIMITS = {
  /** Characters in the fragment; checked before anything else. Chromium's URL limit is 2 MB. */
  maxHashChars: 2_000_000,
  /** Bytes of JSON after inflating; inflating stops as soon as the output passes it (a deflate bomb costs ~1 MB more). */
  maxJsonBytes: 8_000_000,
  /** Nesting of arrays and objects; a valid state nests 6 deep (params.population.accounts[i].id is 5). */
  maxDepth: 32,
  /** Compressed bytes handed to the inflater at a time: DEFLATE expands at most ~1032×, so ≤ ~1 MB per step. */
  inflateChunkBytes: 1024,
} as const;

export type DecodeResult =
  | { ok: true; state: ShareState; notes: string[] }
  | { ok: false; problems: string[]; state: ShareState };

const DAMAGED = 'the link is damaged:';
/** The start of the one problem that means a bug in this codec, not in the link; tests assert it never appears. */
export const INTERNAL_ERROR = 'the link could not be read because of an error in Haircut';

/** "3.1 MB" for messages. */
function megabytes(n: number): string {
  return `${(n / 1_000_000).toFixed(1).replace(/\.0$/, '')} MB`;
}

/** "2,000,001", the same on every locale. */
const grouped = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/**
 * The fragment (without '#') that reproduces `state`. The state should be valid, as decodeShareState returns
 * it or the store holds it; this does not validate. Deterministic: equal states give equal links.
 */
export function encodeShareState(state: ShareState, versions: LinkVersions = LINK_VERSIONS): string {
  const format = versions.formats[versions.current];
  if (format === undefined) throw new Error(`no link format for the current version ${versions.current}`);
  const patch = diffJson(format.base as Json, state as unknown as Json) ?? {};
  const bytes = new TextEncoder().encode(JSON.stringify(patch));
  const packed = deflateSync(bytes, { level: 9, dictionary: format.dictionary });
  const payload = encodeBase64url(packed);
  return format.checksum ? `v=${versions.current}&s=${payload}&c=${format.checksum(payload)}` : `v=${versions.current}&s=${payload}`;
}

type Step<T> = { ok: true; value: T } | { ok: false; problem: string };
const fail = (problem: string): { ok: false; problem: string } => ({ ok: false, problem });

/** Splits `v=2&s=…&c=…` into its parts; any other part, or a part twice, is refused. */
function readEnvelope(fragment: string): Step<{ version: string; payload: string; checksum: string | undefined }> {
  const parts = new Map<string, string>();
  for (const piece of fragment.split('&')) {
    if (piece === '') continue;
    const eq = piece.indexOf('=');
    const key = eq < 0 ? piece : piece.slice(0, eq);
    if (key !== 'v' && key !== 's' && key !== 'c') return fail(`the link has an unknown part ${describeValue(key)}; a Haircut link looks like #v=2&s=…&c=…`);
    if (parts.has(key)) return fail(`the link gives ${key}= twice`);
    parts.set(key, eq < 0 ? '' : piece.slice(eq + 1));
  }
  const version = parts.get('v');
  const payload = parts.get('s');
  if (version === undefined) return fail('the link has no version (v=…); a Haircut link looks like #v=2&s=…&c=…');
  if (payload === undefined) return fail('the link has no state (s=…); it may have been cut short');
  return { ok: true, value: { version, payload, checksum: parts.get('c') } };
}

function readVersion(text: string, versions: LinkVersions): Step<number> {
  if (!/^\d{1,9}$/.test(text)) return fail(`the link's version must be a whole number like v=1, got ${describeValue(text)}`);
  const version = Number(text);
  if (version > versions.current) {
    return fail(`this link is from a newer version of Haircut (v=${version}); this build reads v=${versions.current}`);
  }
  if (!Object.hasOwn(versions.formats, version)) {
    return fail(`this link's version (v=${version}) is not one this build can read; it reads v=${versions.current}`);
  }
  return { ok: true, value: version };
}

/** Inflates raw DEFLATE in small steps, refusing as soon as the output passes maxJsonBytes. */
function inflateBounded(packed: Uint8Array, dictionary: Uint8Array): Step<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let tooBig = false;
  let done = false;
  const inflater = new Inflate(dictionary.length > 0 ? { dictionary } : {}, (chunk, final) => {
    total += chunk.length;
    if (total > SHARE_LIMITS.maxJsonBytes) tooBig = true;
    else chunks.push(chunk);
    if (final) done = true;
  });
  try {
    const step = SHARE_LIMITS.inflateChunkBytes;
    for (let at = 0; at < packed.length && !tooBig; at += step) {
      const end = Math.min(at + step, packed.length);
      inflater.push(packed.subarray(at, end), end === packed.length);
    }
  } catch {
    return fail(`${DAMAGED} its payload is not valid compressed data`);
  }
  if (tooBig) return fail(`the link's payload unpacks to more than ${megabytes(SHARE_LIMITS.maxJsonBytes)}, the limit; it was not read`);
  if (!done) return fail(`${DAMAGED} its payload is not valid compressed data (it ends too early)`);
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return { ok: true, value: out };
}

function parsePatch(bytes: Uint8Array): Step<Json> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail(`${DAMAGED} its payload is not valid UTF-8 text`);
  }
  if (jsonNestingDepth(text, SHARE_LIMITS.maxDepth) > SHARE_LIMITS.maxDepth) {
    return fail(`the link's state is nested more than ${SHARE_LIMITS.maxDepth} levels deep; it was not read`);
  }
  let value: Json;
  try {
    value = JSON.parse(text) as Json;
  } catch {
    return fail(`${DAMAGED} its payload is not valid JSON`);
  }
  const forbidden = forbiddenKeyPath(value);
  if (forbidden !== null) return fail(`the link's state has a forbidden key at ${forbidden}; it was not read`);
  return { ok: true, value };
}

/** A version with a checksum needs `c=` and a match before anything is unpacked; one without refuses `c=`. */
function checkChecksum(version: number, checksum: ((payload: string) => string) | undefined, payload: string, given: string | undefined): Step<null> {
  if (!checksum) {
    return given === undefined ? { ok: true, value: null } : fail(`${DAMAGED} a v=${version} link has no checksum (c=), but this one has one`);
  }
  if (given === undefined || given === '') return fail(`${DAMAGED} it has no checksum (c=…); it may have been cut short`);
  if (given !== checksum(payload)) return fail(`${DAMAGED} its checksum does not match its content (a character was changed, lost or added); it was not opened`);
  return { ok: true, value: null };
}

function decode(hash: string, versions: LinkVersions): DecodeResult {
  const refuse = (...problems: string[]): DecodeResult => ({ ok: false, problems, state: defaultShareState() });
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  if (raw.length > SHARE_LIMITS.maxHashChars) {
    const size = `${megabytes(raw.length)} (${grouped(raw.length)} characters)`;
    return refuse(`the link is ${size} long, above the ${megabytes(SHARE_LIMITS.maxHashChars)} limit; it was not read`);
  }
  const normalized = normalizeLinkFragment(raw);
  if (!normalized.ok) return refuse(normalized.problem);
  const fragment = normalized.fragment;
  if (fragment === '') return { ok: true, state: freshPageState(), notes: [] };

  const envelope = readEnvelope(fragment);
  if (!envelope.ok) return refuse(envelope.problem);
  const version = readVersion(envelope.value.version, versions);
  if (!version.ok) return refuse(version.problem);
  const format = versions.formats[version.value]!;

  if (envelope.value.payload === '') return refuse("the link's state (s=) is empty; it may have been cut short");
  const checked = checkChecksum(version.value, format.checksum, envelope.value.payload, envelope.value.checksum);
  if (!checked.ok) return refuse(checked.problem);
  const packed = decodeBase64url(envelope.value.payload);
  if (!packed.ok) return refuse(`${DAMAGED} ${packed.problem}`);
  const inflated = inflateBounded(packed.bytes, format.dictionary);
  if (!inflated.ok) return refuse(inflated.problem);
  const patch = parsePatch(inflated.value);
  if (!patch.ok) return refuse(patch.problem);

  if (!isJsonObject(patch.value)) return refuse(`the link's state must be a JSON object, got ${describeValue(patch.value)}`);
  const unknown = Object.keys(patch.value).filter((key) => !Object.hasOwn(format.base, key));
  if (unknown.length > 0) {
    const known = Object.keys(format.base).join(', ');
    return refuse(...unknown.slice(0, 10).map((key) => `the link's state has an unknown field ${describeValue(key)} (known: ${known})`));
  }
  const whole = applyJsonPatch(format.base as Json, patch.value);
  if (!isJsonObject(whole)) return refuse("the link's state must be a JSON object");
  const migrated = migrateToCurrent(version.value, whole, versions);
  if (!migrated.ok) return refuse(migrated.problem);

  const valid = validateShareState(migrated.state);
  if (!valid.ok) return refuse(...valid.problems);
  return { ok: true, state: valid.state, notes: [...migrated.notes, ...lossMechanismUpgradeNotes(migrated.state)] };
}

/**
 * Reads a URL fragment (a leading '#' optional) into a ShareState. Never throws: an empty fragment gives the
 * defaults; a link that is damaged, hostile, too large, from a newer build or out of range gives the defaults
 * and problems in plain words. `notes` tell of anything done on the way (an old link updated).
 */
export function decodeShareState(hash: string, versions: LinkVersions = LINK_VERSIONS): DecodeResult {
  try {
    if (typeof hash !== 'string') {
      return { ok: false, problems: [`a link must be text, got ${describeValue(hash)}`], state: defaultShareState() };
    }
    return decode(hash, versions);
  } catch (error) {
    // Unreachable by design (every step above reports its own problems); kept so a bug cannot crash the page.
    const reason = error instanceof Error ? error.message.slice(0, 200) : 'unknown error';
    return { ok: false, problems: [`${INTERNAL_ERROR} (${reason})`], state: defaultShareState() };
  }
}
