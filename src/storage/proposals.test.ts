// The proposals logic over a Map backend (the IndexedDB adapter is covered by e2e/share.spec.ts).
import { describe, expect, it } from 'vitest';
// States edited against the pre-preset defaults (margin edits of a 10 %/5 % market), set explicitly.
import { legacyDefaultShareState as defaultShareState } from '../share/testing/v1Defaults';
import { createProposals, MAX_NAME_CHARS, memoryBackend, nameProblem, ProposalError, readRecord } from './proposals';

function setup(initial: unknown[] = []) {
  let clock = 1_000;
  let id = 0;
  const backend = memoryBackend(initial);
  const proposals = createProposals(backend, { now: () => (clock += 1000), newId: () => `id-${++id}` });
  return { backend, proposals };
}

describe('proposal names', () => {
  it.each([
    ['', /name/],
    ['   ', /name/],
    ['x'.repeat(MAX_NAME_CHARS + 1), /at most/],
    ['a\u0000b', /control/],
  ])('%j is refused', (name, message) => expect(nameProblem(name)).toMatch(message));
  it('a normal name (even one that looks like markup) is fine', () => {
    expect(nameProblem('MMR 6 % <b>bold</b>')).toBeNull();
  });
});

describe('saved proposals', () => {
  it('save, list (newest first), get, rename, delete', async () => {
    const { proposals } = setup();
    const a = defaultShareState();
    a.run.seed = 5;
    const b = defaultShareState();
    b.params.margin.maintenanceMarginRatio = 0.07;
    b.baseline = defaultShareState().params;
    await proposals.save('  First  ', a);
    await proposals.save('Second', b);
    let list = await proposals.list();
    expect(list.proposals.map((p) => p.name)).toEqual(['Second', 'First']);
    expect(list.skipped).toBe(0);
    const first = await proposals.get('id-1');
    expect(first.state.run.seed).toBe(5);
    expect(first.state).toEqual(a);
    await proposals.rename('id-1', 'Renamed');
    list = await proposals.list();
    expect(list.proposals.map((p) => p.name)).toEqual(['Second', 'Renamed']);
    expect(list.proposals[0]!.state.baseline).toEqual(defaultShareState().params);
    await proposals.remove('id-2');
    expect((await proposals.list()).proposals.map((p) => p.id)).toEqual(['id-1']);
  });

  it('refuses a bad name and saves nothing', async () => {
    const { proposals, backend } = setup();
    await expect(proposals.save(' ', defaultShareState())).rejects.toBeInstanceOf(ProposalError);
    expect(backend.records.size).toBe(0);
  });

  it('refuses to save an invalid state', async () => {
    const { proposals, backend } = setup();
    const state = defaultShareState();
    state.run.paths = -1;
    await expect(proposals.save('bad', state)).rejects.toThrow(/cannot be saved/);
    expect(backend.records.size).toBe(0);
  });

  it('skips and counts stored records that do not validate, and never returns them', async () => {
    const good = { id: 'g', name: 'Good', savedAt: 5, state: defaultShareState() };
    const badState = { id: 'b', name: 'Bad', savedAt: 6, state: { ...defaultShareState(), run: { paths: 1e9, seed: 1 } } };
    const polluted = JSON.parse('{"id":"p","name":"P","savedAt":7,"state":{"__proto__":{"x":1}}}') as unknown;
    const { proposals } = setup([good, badState, polluted, null, 'text', { id: 'n', name: '', savedAt: 1, state: defaultShareState() }]);
    const list = await proposals.list();
    expect(list.proposals.map((p) => p.id)).toEqual(['g']);
    expect(list.skipped).toBe(5);
    await expect(proposals.get('b')).rejects.toThrow(/could not be read/);
    await expect(proposals.get('missing')).rejects.toThrow(/could not be read/);
    await expect(proposals.rename('b', 'x')).rejects.toBeInstanceOf(ProposalError);
  });

  it('readRecord trims the name and validates the state', () => {
    expect(readRecord({ id: 'a', name: ' A ', savedAt: 1, state: defaultShareState() })?.name).toBe('A');
    expect(readRecord({ id: 'a', name: 'A', savedAt: Number.NaN, state: defaultShareState() })).toBeNull();
  });
});
