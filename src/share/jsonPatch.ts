/**
 * The structural diff a link carries: objects are merged key by key, arrays and primitives are replaced whole,
 * and a key the new state no longer has (a scenario switching from 'jump' to 'gbm' drops its jump fields) is
 * marked with DELETE. Unlike RFC 7396 merge patch, null is an ordinary value here (baseline, cap, sweep).
 * Pure functions over JSON values; they never mutate their inputs.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** Keys refused anywhere in a link: assigning them can reach Object.prototype in careless code downstream. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

const DELETE_KEY = '$delete';
/** The patch value that removes a key: `{"$delete":true}`. No valid state has a key named "$delete". */
export const DELETE: Readonly<JsonObject> = Object.freeze({ [DELETE_KEY]: true });

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isDelete(value: Json): boolean {
  return isJsonObject(value) && Object.keys(value).length === 1 && value[DELETE_KEY] === true;
}

/** Sets an own data property, so even a key like "__proto__" could never reach a prototype. */
function setOwn(target: JsonObject, key: string, value: Json): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

export function jsonEqual(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((item, i) => jsonEqual(item, b[i] as Json));
  }
  if (isJsonObject(a) && isJsonObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && jsonEqual(a[k] as Json, b[k] as Json));
  }
  return false;
}

/** A deep copy as plain JSON (own enumerable keys; `undefined` members dropped, as JSON.stringify would). */
export function cloneJson(value: Json): Json {
  if (Array.isArray(value)) return value.map(cloneJson);
  if (!isJsonObject(value)) return value;
  const out: JsonObject = {};
  for (const [key, item] of Object.entries(value)) if (item !== undefined) setOwn(out, key, cloneJson(item));
  return out;
}

/** The patch that turns `base` into `next`, or `undefined` when they are equal. */
export function diffJson(base: Json | undefined, next: Json): Json | undefined {
  if (base !== undefined && isJsonObject(base) && isJsonObject(next)) {
    const patch: JsonObject = {};
    for (const [key, item] of Object.entries(next)) {
      if (item === undefined) continue;
      const change = diffJson(Object.hasOwn(base, key) ? base[key] : undefined, item);
      if (change !== undefined) setOwn(patch, key, change);
    }
    for (const key of Object.keys(base)) {
      if (!Object.hasOwn(next, key) || next[key] === undefined) setOwn(patch, key, cloneJson(DELETE));
    }
    return Object.keys(patch).length === 0 ? undefined : patch;
  }
  return base !== undefined && jsonEqual(base, next) ? undefined : cloneJson(next);
}

/**
 * Applies a patch made by diffJson (or any JSON value) to `base`, returning a new value. An object patch over
 * an object merges; anything else replaces whole (a DELETE inside a replaced value is plain data, left for
 * validation to refuse). Callers refuse FORBIDDEN_KEYS first; setOwn keeps this safe even if they did not.
 */
export function applyJsonPatch(base: Json | undefined, patch: Json): Json {
  if (base === undefined || !isJsonObject(base) || !isJsonObject(patch)) return cloneJson(patch);
  const out = cloneJson(base) as JsonObject;
  for (const [key, change] of Object.entries(patch)) {
    if (isDelete(change)) delete out[key];
    else setOwn(out, key, applyJsonPatch(Object.hasOwn(base, key) ? base[key] : undefined, change));
  }
  return out;
}

/** The path of the first forbidden key in a parsed JSON value, e.g. "params.market.__proto__", or null. */
export function forbiddenKeyPath(value: Json, path = ''): string | null {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = forbiddenKeyPath(value[i] as Json, `${path}[${i}]`);
      if (found !== null) return found;
    }
  } else if (isJsonObject(value)) {
    for (const key of Object.keys(value)) {
      const here = path === '' ? key : `${path}.${key}`;
      if (FORBIDDEN_KEYS.has(key)) return here;
      const found = forbiddenKeyPath(value[key] as Json, here);
      if (found !== null) return found;
    }
  }
  return null;
}

/**
 * The deepest nesting of arrays and objects in JSON text, found by one scan that skips string contents, so a
 * hostile "[[[[…" is refused before JSON.parse or any recursive walk sees it. Stops counting past `limit`.
 */
export function jsonNestingDepth(text: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return deepest;
}
