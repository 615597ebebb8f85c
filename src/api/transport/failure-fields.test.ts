import { describe, expect, it } from 'vitest';
import { CmsError } from './errors';
import { failureForField, fieldFailures, fieldForFailure } from './failure-fields';

describe('fieldForFailure', () => {
  it('maps the codes CMS reports without a parameter onto their form field', () => {
    expect(fieldForFailure('duplicateCoSpaceUri')).toBe('uri');
    expect(fieldForFailure('duplicateCoSpaceId')).toBe('callId');
    expect(fieldForFailure('duplicateCoSpaceUriPasscode')).toBe('passcode');
    expect(fieldForFailure('duplicateCoSpaceIdPasscode')).toBe('passcode');
    expect(fieldForFailure('callLegProfileDoesNotExist')).toBe('callLegProfile');
    expect(fieldForFailure('callProfileDoesNotExist')).toBe('callProfile');
    expect(fieldForFailure('tenantDoesNotExist')).toBe('tenant');
    expect(fieldForFailure({ code: 'userDoesNotExist' })).toBe('userJid');
  });

  it("uses parameterError's own parameter, and nothing for request-wide codes", () => {
    expect(fieldForFailure({ code: 'parameterError', parameter: 'defaultLayout', error: 'invalidValue' })).toBe('defaultLayout');
    expect(fieldForFailure('parameterError')).toBeUndefined();
    expect(fieldForFailure('coSpaceDoesNotExist')).toBeUndefined();
    expect(fieldForFailure('toString')).toBeUndefined();
  });
});

describe('fieldFailures and failureForField', () => {
  const error = new CmsError({
    kind: 'http',
    method: 'POST',
    path: '/api/v1/coSpaces',
    status: 400,
    failures: [{ code: 'duplicateCoSpaceUri' }, { code: 'parameterError', parameter: 'callId', error: 'invalidValue' }, { code: 'databaseNotReady' }],
  });

  it('pairs each failure with its field', () => {
    expect(fieldFailures(error).map((entry) => entry.field)).toEqual(['uri', 'callId', undefined]);
    expect(fieldFailures(new Error('not CMS'))).toEqual([]);
  });

  it('finds the failure of one field, in any case', () => {
    expect(failureForField(error, 'URI')).toEqual({ code: 'duplicateCoSpaceUri' });
    expect(failureForField(error, 'callId')?.error).toBe('invalidValue');
    expect(failureForField(error, 'passcode')).toBeUndefined();
    expect(failureForField('oops', 'uri')).toBeUndefined();
  });
});
