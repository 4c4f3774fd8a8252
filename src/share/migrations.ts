/**
 * Link versions: how a link of each version is read (its format) and how a state of version n becomes a
 * state of version n + 1 (its migration), after zustand persist's `version`/`migrate` and excalidraw's
 * `restore`. Migrations work on the whole state (the patch already applied to that version's own base) and
 * run before validation, so they see untrusted JSON: each must accept any object and may throw, which the
 * decoder reports as a problem. v1 → v2 only added a checksum (identity); migrations.test.ts also exercises
 * the mechanism with a synthetic v0.
 */
import { isJsonObject, type JsonObject } from './jsonPatch';
import { V1_BASE, V1_DICTIONARY_TEXT } from './linkFormatV1';
import { V2_BASE, V2_DICTIONARY_TEXT, v2Checksum } from './linkFormatV2';

export interface LinkFormat {
  /** The whole state, in this version's shape, that the link's patch is applied to. Frozen with the version. */
  base: Readonly<JsonObject>;
  /** Preset DEFLATE dictionary (empty for none). Frozen with the version. */
  dictionary: Uint8Array;
  /** The link's checksum `c=` for this payload, for versions that carry one (v2 on); absent: no `c=` part. */
  checksum?: (payload: string) => string;
}

/** Turns a whole state of version n into one of version n + 1. */
export type Migration = (state: JsonObject) => JsonObject;

export interface LinkVersions {
  /** The version this build writes. */
  current: number;
  /** Every version this build reads; each older one needs a chain of migrations up to `current`. */
  formats: Readonly<Record<number, LinkFormat>>;
  /** migrations[n] maps version n to version n + 1. */
  migrations: Readonly<Record<number, Migration>>;
  /**
   * Versions n whose step to n + 1 changes only the envelope, never what the state means (v1 → v2 added the
   * checksum): a link updated only through these steps gets no "made by an older version" note.
   */
  envelopeOnly?: readonly number[];
}

export const CURRENT_LINK_VERSION = 2;

export const LINK_VERSIONS: LinkVersions = Object.freeze({
  current: CURRENT_LINK_VERSION,
  formats: Object.freeze({
    1: { base: V1_BASE, dictionary: new TextEncoder().encode(V1_DICTIONARY_TEXT) },
    2: { base: V2_BASE, dictionary: new TextEncoder().encode(V2_DICTIONARY_TEXT), checksum: v2Checksum },
  }),
  // v1 → v2 added the checksum; the state is the same (V2_BASE is V1_BASE).
  migrations: Object.freeze({ 1: (state: JsonObject) => state }),
  envelopeOnly: Object.freeze([1]),
});

export type MigrationResult = { ok: true; state: JsonObject; notes: string[] } | { ok: false; problem: string };

/** Runs the migrations from `version` up to `versions.current`. Never throws. */
export function migrateToCurrent(version: number, state: JsonObject, versions: LinkVersions = LINK_VERSIONS): MigrationResult {
  let current = state;
  for (let n = version; n < versions.current; n++) {
    const migrate = Object.hasOwn(versions.migrations, n) ? versions.migrations[n] : undefined;
    if (migrate === undefined) {
      return { ok: false, problem: `this link is from an old version of Haircut (v=${version}) that this build can no longer update (no step from v=${n} to v=${n + 1})` };
    }
    try {
      const next: unknown = migrate(current);
      if (!isJsonObject(next)) throw new Error('the migration returned no object');
      current = next;
    } catch (error) {
      const reason = error instanceof Error ? error.message.slice(0, 200) : 'unknown error';
      return { ok: false, problem: `this link is from an old version of Haircut (v=${version}) and could not be updated from v=${n} to v=${n + 1}: ${reason}` };
    }
  }
  const meaningful = Array.from({ length: versions.current - version }, (_, i) => version + i).some((n) => !(versions.envelopeOnly ?? []).includes(n));
  const notes = meaningful ? [`this link was made by an older version of Haircut (v=${version}) and was updated to v=${versions.current}`] : [];
  return { ok: true, state: current, notes };
}
