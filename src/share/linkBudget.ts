/**
 * How long a link may be and still travel (issue 18 §6). Links far past a few kB break in mail and chat, and
 * the decoder refuses fragments above SHARE_LIMITS.maxHashChars, so a state with a large explicit population
 * belongs in a parameters file or a saved proposal; the share bar says so instead of handing out a link that
 * will not arrive whole.
 */
import { SHARE_LIMITS } from './codec';
import type { ShareState } from './shareState';

/** Above this many characters a link still opens in the browser, but mail and chat may cut it. */
export const LINK_COMFORT_CHARS = 64_000;

export type LinkAdvice = { kind: 'fine' } | { kind: 'long' | 'too-long'; text: string };

export function linkAdvice(state: ShareState, fragmentChars: number): LinkAdvice {
  if (fragmentChars <= LINK_COMFORT_CHARS) return { kind: 'fine' };
  const population = state.params.population;
  const cause = population.kind === 'explicit' ? `its explicit population of ${population.accounts.length.toLocaleString('en-US')} accounts` : 'its parameters';
  const size = `${Math.round(fragmentChars / 1000).toLocaleString('en-US')} kB`;
  const instead = 'Share it as a parameters file (Export parameters) or save it as a proposal instead.';
  if (fragmentChars > SHARE_LIMITS.maxHashChars) {
    return { kind: 'too-long', text: `This state is too large for a link (${size} because of ${cause}; links open up to ${SHARE_LIMITS.maxHashChars / 1e6} MB). ${instead}` };
  }
  return { kind: 'long', text: `This link is ${size} long because of ${cause}; mail and chat apps often cut links that long. ${instead}` };
}
