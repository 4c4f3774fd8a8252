import { describe, expect, it } from 'vitest';
import { defaultParams } from '../../engine/params/defaults';
import { validateParams } from '../../engine/params/validateParams';
import { decodeShareState, encodeShareState } from '../../share/codec';
import { defaultShareState } from '../../share/shareState';
import { applyEdits } from '../../state/paramsSlice';
import { populationSeedEdit, populationSeedText } from './populationSeed';

/** The draft after typing `text` into the population-seed input, and what the validator says of it. */
function typed(text: string, start: unknown = defaultParams()) {
  const { edit, problem } = populationSeedEdit((start as { population: unknown }).population, text);
  const draft = applyEdits(start, [edit]);
  return { draft, problem, checked: validateParams(draft) };
}

describe('the population-seed field', () => {
  it('writes an integer seed into a generated population, keeping its other fields', () => {
    const { draft, problem, checked } = typed(' 42 ');
    expect(problem).toBeNull();
    expect(checked.ok).toBe(true);
    if (!checked.ok || checked.params.population.kind !== 'generated') throw new Error('expected a valid generated population');
    expect(checked.params.population.seed).toBe(42);
    expect({ ...checked.params.population, seed: undefined }).toEqual({ ...defaultParams().population, seed: undefined });
    expect(populationSeedText((draft as { population: { seed: unknown } }).population.seed)).toBe('42');
  });

  it('empty removes the key, so the book is drawn from the run seed as in files without it', () => {
    const seeded = typed('7').draft;
    const { draft, checked } = typed('  ', seeded);
    expect(Object.hasOwn((draft as { population: object }).population, 'seed')).toBe(false);
    expect(checked.ok && checked.params).toEqual(defaultParams());
    expect(populationSeedText(undefined)).toBe('');
  });

  it.each([
    ['1.5', null, 'population.seed'],
    ['-3', null, 'population.seed'],
    ['9007199254740992', null, 'population.seed'],
    ['abc', 'Enter a number.', 'population.seed'],
  ])('refuses %j, naming the field', (text, inputProblem, field) => {
    const { problem, checked } = typed(text);
    expect(problem).toBe(inputProblem);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problems.map((p) => p.field)).toContain(field);
  });

  it('a seeded population survives a share link, and removing it again survives too', () => {
    const withSeed = defaultShareState();
    const seeded = typed('123456789').checked;
    if (!seeded.ok) throw new Error('expected valid');
    withSeed.params = seeded.params;
    const decoded = decodeShareState(encodeShareState(withSeed));
    expect(decoded).toStrictEqual({ ok: true, state: withSeed, notes: [] });
    expect(decoded.ok && decoded.state.params.population).toMatchObject({ kind: 'generated', seed: 123456789 });

    const cleared = typed('', seeded.params).checked;
    if (!cleared.ok) throw new Error('expected valid');
    const back = defaultShareState();
    back.params = cleared.params;
    const decodedBack = decodeShareState(encodeShareState(back));
    expect(decodedBack.ok && Object.hasOwn(decodedBack.state.params.population, 'seed')).toBe(false);
    expect(decodedBack).toStrictEqual({ ok: true, state: defaultShareState(), notes: [] });
  });
});
