import { describe, expect, it, vi } from 'vitest';
import { CmsError } from '../api/transport/errors';
import { placeCmsFailures, sameNamedField } from './place-cms-failures';

const error = new CmsError({
  kind: 'http',
  status: 400,
  method: 'POST',
  path: '/api/v1/coSpaces',
  failures: [{ code: 'duplicateCoSpaceUri' }, { code: 'parameterError', parameter: 'callid', error: 'invalidValue' }, { code: 'databaseNotReady' }],
});

describe('placeCmsFailures', () => {
  it('puts each failure on the form field it concerns, in plain words, and says whether any landed', () => {
    const setError = vi.fn();
    expect(placeCmsFailures(setError, error, sameNamedField(['uri', 'callId'] as const))).toBe(true);
    expect(setError.mock.calls.map(([field]) => field)).toEqual(['uri', 'callId']);
    expect(setError.mock.calls[0]?.[1].message).toMatch(/Another space already uses this URI/);
  });

  it('leaves failures without a field on this form, and ignores errors that are not from CMS', () => {
    const setError = vi.fn();
    expect(placeCmsFailures(setError, error, sameNamedField(['name'] as const))).toBe(false);
    expect(placeCmsFailures(setError, new Error('offline'), sameNamedField(['uri'] as const))).toBe(false);
    expect(setError).not.toHaveBeenCalled();
  });
});
