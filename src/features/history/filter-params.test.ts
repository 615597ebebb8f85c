import { describe, expect, it } from 'vitest';
import { runFilterOf, searchFromParams } from './filter-params';

describe('History filter in the URL', () => {
  it('turns local days into the start of the first and the end of the last', () => {
    const search = searchFromParams(new URLSearchParams('space=%20guest%20&cluster=london&from=2026-03-01&to=2026-03-02'));
    expect(runFilterOf(search)).toEqual({
      space: 'guest',
      cluster: 'london',
      from: new Date(2026, 2, 1).toISOString(),
      to: new Date(2026, 2, 2, 23, 59, 59, 999).toISOString(),
    });
  });

  it('keeps a batch id, so one batch fix is listed alone', () => {
    expect(runFilterOf(searchFromParams(new URLSearchParams('batch=7f0c2a1e-batch')))).toEqual({ batch: '7f0c2a1e-batch' });
  });

  it('leaves out what is empty or not a date', () => {
    expect(runFilterOf(searchFromParams(new URLSearchParams('space=&from=yesterday')))).toEqual({});
  });
});
