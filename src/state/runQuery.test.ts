import { describe, expect, it } from 'vitest';
import { ENGINE_VERSION } from '../engine/identity';
import { readRunQuery, runQueryNotice, searchWithoutRunQuery } from './runQuery';

describe('the run query of a post link', () => {
  const id = 'a'.repeat(64);

  it('reads engine= and run=, and drops only them from the address', () => {
    expect(readRunQuery(`?engine=${ENGINE_VERSION}&run=${id}&embed=fund`)).toEqual({ engine: ENGINE_VERSION, run: id });
    expect(readRunQuery('')).toEqual({ engine: null, run: null });
    expect(searchWithoutRunQuery(`?engine=0.1.0&run=${id}&embed=fund`)).toBe('?embed=fund');
    expect(searchWithoutRunQuery(`?engine=0.1.0&run=${id}`)).toBe('');
  });

  it('says nothing for this engine and this run id; names another engine or a different run id', () => {
    expect(runQueryNotice({ engine: ENGINE_VERSION, run: id }, id)).toBeNull();
    expect(runQueryNotice({ engine: null, run: null }, id)).toBeNull();
    expect(runQueryNotice({ engine: '0.1.0', run: id }, id)).toContain('posted with Haircut engine 0.1.0');
    expect(runQueryNotice({ engine: ENGINE_VERSION, run: 'b'.repeat(64) }, id)).toContain('run id bbbbbbbbbbbb, but its parameters give run id aaaaaaaaaaaa');
  });
});
