// The per-path CSV, in Node: exact money text from integer units, and the store action that reads the current
// run's columns through the engine it was given.
import { describe, expect, it } from 'vitest';
import type { PathColumns } from '../engine/index';
import type { RunEngine } from './engines';
import { CSV_COLUMNS, perPathCsv, unitsToQuoteText } from './pathsCsv';
import { createAppStore } from './store';

describe('per-path CSV', () => {
  it.each([
    [0, '0'],
    [1, '0.000001'],
    [1_500_000, '1.5'],
    [123_456_789_012, '123456.789012'],
    [-2_000_000, '-2'],
    [Number.MAX_SAFE_INTEGER, '9007199254.740991'],
  ])('units %d → quote %s, exactly', (units, text) => expect(unitsToQuoteText(units)).toBe(text));

  it('writes a header and one row per path', () => {
    const f = (...v: number[]) => Float64Array.from(v);
    const csv = perPathCsv({
      badDebtUnits: f(0, 2_500_000),
      fundDrawUnits: f(0, 1_000_000),
      socializedLossUnits: f(0, 1_500_000),
      vaultLossUnits: f(0, 0),
      uncoveredUnits: f(0, 0),
      liquidations: f(3, 12),
      adlNotionalQuote: f(0, 0.1),
      fundDepletedStep: Int32Array.from([-1, 40]),
      ledgerBalanced: Uint8Array.from([1, 1]),
      vaultPnlUnits: f(-750_000, 4_000_001),
      adlNeededUnits: f(0, 1_500_000),
      adlProfitClosedUnits: f(0, 2_250_000),
      openDeficitUnits: f(125, 0),
    });
    expect(CSV_COLUMNS.slice(-4)).toEqual(['vaultPnl', 'adlNeeded', 'adlProfitClosed', 'openDeficit']);
    expect(csv.split('\n')).toEqual([
      CSV_COLUMNS.join(','),
      '1,0,0,0,0,0,3,0,false,true,-0.75,0,0,0.000125',
      '2,2.5,1,1.5,0,0,12,0.1,true,true,4.000001,1.5,2.25,0',
      '',
    ]);
  });
});

describe('readPathsCsv', () => {
  const idle: RunEngine = { start: () => undefined, cancel: () => undefined, showPath: () => undefined, dispose: () => undefined };
  const f = (...v: number[]) => Float64Array.from(v);
  const columns = {
    badDebtUnits: f(1_000_000), fundDrawUnits: f(1_000_000), socializedLossUnits: f(0), vaultLossUnits: f(0), uncoveredUnits: f(0),
    liquidations: f(1), adlNotionalQuote: f(0), fundDepletedStep: Int32Array.from([-1]), ledgerBalanced: Uint8Array.from([1]),
    vaultPnlUnits: f(0), adlNeededUnits: f(0), adlProfitClosedUnits: f(0), openDeficitUnits: f(0),
  } as unknown as PathColumns;

  it("writes the current run's columns, or null when they are not available", async () => {
    const asked: number[] = [];
    const store = createAppStore({ run: idle, pathColumns: (runId) => (asked.push(runId), Promise.resolve(columns)) });
    const csv = await store.getState().readPathsCsv();
    expect(asked).toEqual([store.getState().runId]);
    expect(csv?.split('\n')[1]).toBe('1,1,1,0,0,0,1,0,false,true,0,0,0,0');
    const none = createAppStore({ run: idle, pathColumns: () => Promise.resolve(null) });
    await expect(none.getState().readPathsCsv()).resolves.toBeNull();
  });
});
