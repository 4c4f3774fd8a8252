// A position snapshot imported as CSV (pasted or uploaded): the store parses it, keeps what came of it — how
// many positions were imported from where, or every problem with its line and column — and makes the imported
// accounts the draft's explicit population. A refused file leaves the positions as they were.
import type { StateCreator } from 'zustand/vanilla';
import { DEFAULT_GENERATED_POPULATION } from '../engine/params/defaults';
import type { ExplicitAccount, PopulationParams } from '../engine/params/riskParams';
import { parsePositionsCsv, positionsToCsv, type CsvProblem } from '../engine/population/parsePositionsCsv';
import type { AppState } from './store';

/** A small positions snapshot to start an explicit population from (CSV, as an import would read it). */
export const EXAMPLE_POSITIONS_CSV = [
  'id,side,size,entryPrice,collateral',
  'whale-long,long,20000,100,250000',
  'fund-long,long,5000,101,75000',
  'retail-long-1,long,300,99.5,4000',
  'retail-long-2,long,120,102,1500',
  'degen-long,long,800,100.5,6000',
  'mm-short,short,15000,100,300000',
  'hedge-short,short,8000,99,120000',
  'retail-short-1,short,500,101,6000',
  'degen-short,short,1500,100,11000',
  'retail-short-2,short,700,98.5,8000',
].join('\n');

/** What the last import did: `imported` positions from `source`, or its problems (nothing imported). */
export type PositionsImport = { source: string; imported: number } | { source: string; problems: CsvProblem[] } | null;

export interface PositionsSlice {
  positionsImport: PositionsImport;
  /** Parses `csv` (from `source`, e.g. a file name); imported, the accounts become the draft's population. */
  importPositionsCsv: (csv: string, source: string) => void;
  /** The accounts as CSV text to edit (forgets the last import's outcome). */
  editPositionsAsCsv: (accounts: readonly ExplicitAccount[]) => string;
}

/** The population a switch of kind starts from: the default generated book, or the example snapshot. */
export function freshPopulation(kind: PopulationParams['kind']): PopulationParams {
  if (kind === 'generated') return { ...DEFAULT_GENERATED_POPULATION };
  const example = parsePositionsCsv(EXAMPLE_POSITIONS_CSV);
  return { kind: 'explicit', accounts: example.ok ? example.accounts : [] };
}

export const createPositionsSlice: StateCreator<AppState, [], [], PositionsSlice> = (set, get) => ({
  positionsImport: null,
  importPositionsCsv: (csv, source) => {
    const result = parsePositionsCsv(csv);
    if (!result.ok) {
      set({ positionsImport: { source, problems: result.problems } });
      return;
    }
    set({ positionsImport: { source, imported: result.accounts.length } });
    get().editDraft([{ path: ['population', 'accounts'], value: result.accounts }]);
  },
  editPositionsAsCsv: (accounts) => {
    set({ positionsImport: null });
    return positionsToCsv(accounts);
  },
});
