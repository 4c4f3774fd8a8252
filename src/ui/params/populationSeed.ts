// The page's population.seed field: optional, so an empty input removes the key (the book is then drawn from the
// run seed, as in files without it) instead of writing a value. Pure: unit-tested in Node.
import type { DraftEdit } from '../../state/paramsSlice';
import { parseFieldText } from './fieldText';

export const POPULATION_SEED_PATH = ['population', 'seed'] as const;

/** The edit the text of the population-seed input makes to the draft's population, and a reading problem if any. */
export function populationSeedEdit(population: unknown, text: string): { edit: DraftEdit; problem: string | null } {
  const base = typeof population === 'object' && population !== null && !Array.isArray(population) ? (population as Record<string, unknown>) : {};
  if (text.trim() === '') {
    const { seed: _removed, ...rest } = base;
    return { edit: { path: ['population'], value: rest }, problem: null };
  }
  const parsed = parseFieldText(text, 'integer');
  // An unreadable number is written as its text, so the validator names the field; the input says why.
  return { edit: { path: ['population'], value: { ...base, seed: parsed.value } }, problem: parsed.problem };
}

/** The input's text for a draft value: empty when absent. */
export function populationSeedText(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}
