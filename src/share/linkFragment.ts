/**
 * What a link's fragment looked like before mail clients, chat apps and prose got to it. Two kinds of damage
 * are undone, and only these, because neither can change what a valid link says:
 * - percent-encoding (`#v%3D2%26s%3D…`, what many wrappers produce): a Haircut fragment never contains '%'
 *   (its alphabet is base64url, digits, 'v', 's', 'c', '=', '&'), so a '%' can only be encoding;
 * - trailing punctuation and spaces from prose or Markdown (`… see #v=2&s=…&c=…).`): none of `.,;:!?)]}>'"*`
 *   or a space is in that alphabet, so trimming them never removes a character of the link.
 * Anything else is left for the codec to refuse.
 */
export type NormalizedFragment = { ok: true; fragment: string; changed: boolean } | { ok: false; problem: string };

const TRAILING_JUNK = new Set([...' \t\n\r\f\v\u00a0.,;:!?)]}>\'"*']);

/** `text` without trailing junk; a loop, not a regex, so 2 MB of dots cost linear time. */
function trimTrailingJunk(text: string): string {
  let end = text.length;
  while (end > 0 && TRAILING_JUNK.has(text.charAt(end - 1))) end--;
  return text.slice(0, end);
}
/** Wrappers that encode twice are seen; three rounds are plenty and bound the work. */
const MAX_DECODE_ROUNDS = 3;

export function normalizeLinkFragment(hash: string): NormalizedFragment {
  const original = hash.startsWith('#') ? hash.slice(1) : hash;
  let fragment = original;
  for (let round = 0; round < MAX_DECODE_ROUNDS && fragment.includes('%'); round++) {
    try {
      fragment = decodeURIComponent(fragment);
    } catch {
      return { ok: false, problem: 'the link is damaged: it is percent-encoded (%xx), but not correctly' };
    }
  }
  fragment = trimTrailingJunk(fragment).trimStart();
  if (fragment.startsWith('#')) fragment = fragment.slice(1); // an encoded '%23' before the link
  return { ok: true, fragment, changed: fragment !== original };
}
