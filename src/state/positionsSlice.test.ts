// A positions CSV through the store, in Node: imported accounts become the draft's population, a refused file
// keeps its problems (line and column) and leaves the positions alone, and the example snapshot is a valid book.
import { describe, expect, it } from 'vitest';
import { DEFAULT_GENERATED_POPULATION, defaultParams } from '../engine/params/defaults';
import { validateParams } from '../engine/params/validateParams';
import type { RunEngine } from './engines';
import { EXAMPLE_POSITIONS_CSV, freshPopulation } from './positionsSlice';
import { createAppStore } from './store';

const idle: RunEngine = { start: () => undefined, cancel: () => undefined, showPath: () => undefined, dispose: () => undefined };

function explicitStore() {
  const s = createAppStore({ run: idle });
  expect(s.getState().editDraft([{ path: ['population'], value: freshPopulation('explicit') }])).toEqual([]);
  return s;
}

describe('positions slice', () => {
  it('the example snapshot imports cleanly into a valid explicit population; a fresh generated one is the page\'s default book', () => {
    const example = freshPopulation('explicit');
    expect(example.kind === 'explicit' && example.accounts.map((a) => a.id)).toHaveLength(10);
    expect(validateParams({ ...defaultParams(), population: example }).ok).toBe(true);
    expect(freshPopulation('generated')).toEqual(DEFAULT_GENERATED_POPULATION);
    expect(freshPopulation('generated')).not.toBe(DEFAULT_GENERATED_POPULATION);
  });

  it('imports accounts into the draft and says how many from where', () => {
    const s = explicitStore();
    s.getState().importPositionsCsv('id,side,size,entryPrice,collateral\na,long,1,100,20\nb,short,1,100,20\n', 'two.csv');
    expect(s.getState().positionsImport).toEqual({ source: 'two.csv', imported: 2 });
    const population = s.getState().params.population;
    expect(population.kind === 'explicit' && population.accounts.map((a) => [a.id, a.side])).toEqual([['a', 'long'], ['b', 'short']]);
  });

  it('keeps the problems of a refused file and leaves the positions alone', () => {
    const s = explicitStore();
    const before = s.getState().params;
    s.getState().importPositionsCsv('id,side,size,entryPrice,collateral\na,sideways,1,100,20\n', 'the pasted text');
    const outcome = s.getState().positionsImport;
    expect(outcome).toMatchObject({ source: 'the pasted text', problems: [{ line: 2, column: 'side' }] });
    expect(s.getState().params).toBe(before);
  });

  it('gives the accounts back as CSV to edit, forgetting the last outcome', () => {
    const s = explicitStore();
    s.getState().importPositionsCsv('nonsense', 'x');
    const population = s.getState().params.population;
    if (population.kind !== 'explicit') throw new Error('explicit expected');
    const csv = s.getState().editPositionsAsCsv(population.accounts);
    expect(s.getState().positionsImport).toBeNull();
    expect(csv.split('\n')[0]).toBe(EXAMPLE_POSITIONS_CSV.split('\n')[0]);
    s.getState().importPositionsCsv(csv, 'round trip');
    expect(s.getState().positionsImport).toEqual({ source: 'round trip', imported: 10 });
  });
});
