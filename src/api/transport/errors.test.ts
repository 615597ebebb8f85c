import { describe, expect, it } from 'vitest';
import { CmsError, failureFor, isNotFound } from './errors';
import { parseFailureDetails } from './failure-details';
import { describeFailure } from '../wire/failure-reasons';

const base = { method: 'GET', path: '/api/v1/coSpaces/abc' } as const;

describe('parseFailureDetails', () => {
  it('reads a bare failure code', () => {
    expect(parseFailureDetails('<failureDetails><coSpaceDoesNotExist/></failureDetails>')).toEqual([{ code: 'coSpaceDoesNotExist' }]);
  });

  it('reads parameterError with its parameter and error', () => {
    expect(
      parseFailureDetails('<?xml version="1.0"?><failureDetails><parameterError parameter="passcode" error="invalidValue"/></failureDetails>'),
    ).toEqual([{ code: 'parameterError', parameter: 'passcode', error: 'invalidValue' }]);
  });

  it('reads several failures, repeated codes included', () => {
    const text =
      '<failureDetails><parameterError parameter="uri" error="invalidValue" /><parameterError parameter="name" error="valueTooLong"/><tenantDoesNotExist /></failureDetails>';
    expect(parseFailureDetails(text)).toEqual([
      { code: 'parameterError', parameter: 'uri', error: 'invalidValue' },
      { code: 'parameterError', parameter: 'name', error: 'valueTooLong' },
      { code: 'tenantDoesNotExist' },
    ]);
  });

  it.each(['', '   ', 'not xml at all', '<html><body>502 Bad Gateway</body></html>', '<coSpaces total="0"/>', '<failureDetails/>'])(
    'gives no failures for %j',
    (text) => {
      expect(parseFailureDetails(text)).toEqual([]);
    },
  );
});

describe('isNotFound', () => {
  const error = (status: number, failures: Array<{ code: string }>) => new CmsError({ ...base, kind: status === 404 ? 'notFound' : 'http', status, failures });

  it('is decided by the <xDoesNotExist /> element, on a 404 and on the 400 CMS gives a PUT/DELETE of a nested object', () => {
    expect(isNotFound(error(404, [{ code: 'coSpaceDoesNotExist' }]))).toBe(true);
    expect(isNotFound(error(400, [{ code: 'accessMethodDoesNotExist' }]))).toBe(true);
    expect(isNotFound(error(400, [{ code: 'accessMethodDoesNotExist' }]), 'accessMethodDoesNotExist')).toBe(true);
    expect(isNotFound(error(400, [{ code: 'accessMethodDoesNotExist' }]), 'coSpaceDoesNotExist')).toBe(false);
  });

  it('is not decided by the status: a 404 without the element (an unknown path, a proxy page) or another code is not', () => {
    expect(isNotFound(error(404, []))).toBe(false);
    expect(isNotFound(error(404, [{ code: 'unrecognizedObject' }]))).toBe(false);
    expect(isNotFound(error(400, [{ code: 'duplicateCoSpaceUri' }]))).toBe(false);
    expect(isNotFound(new Error('coSpaceDoesNotExist'))).toBe(false);
  });

  it('reads the element in both spellings CMS uses: self-closing with or without a space, or open/close', () => {
    for (const body of [
      '<failureDetails><accessMethodDoesNotExist /></failureDetails>',
      '<failureDetails><accessMethodDoesNotExist/></failureDetails>',
      '<failureDetails><accessMethodDoesNotExist></accessMethodDoesNotExist></failureDetails>',
    ]) {
      expect(isNotFound(error(400, parseFailureDetails(body))), body).toBe(true);
    }
  });
});

describe('CmsError messages', () => {
  it('describes failure codes with the dictionary', () => {
    const error = new CmsError({ ...base, kind: 'notFound', status: 404, failures: [{ code: 'coSpaceDoesNotExist' }] });
    const described = describeFailure('coSpaceDoesNotExist');
    expect(described.length).toBeGreaterThan(0);
    expect(error.message).toContain(described.replace(/\.$/, ''));
    expect(error.message).toMatch(/\.$/);
    expect(error.name).toBe('CmsError');
    expect(error).toBeInstanceOf(Error);
  });

  it('names the refused parameter', () => {
    const error = new CmsError({
      ...base,
      kind: 'http',
      status: 400,
      failures: [{ code: 'parameterError', parameter: 'passcode', error: 'invalidValue' }],
    });
    expect(error.message).toBe('The value for “passcode” was refused by CMS (invalidValue).');
  });

  it('joins several failures into sentences', () => {
    const error = new CmsError({
      ...base,
      kind: 'http',
      status: 400,
      failures: [
        { code: 'parameterError', parameter: 'uri', error: 'invalidValue' },
        { code: 'parameterError', parameter: 'name' },
      ],
    });
    expect(error.message).toBe('The value for “uri” was refused by CMS (invalidValue). The value for “name” was refused by CMS.');
  });

  it.each([
    [{ kind: 'unauthorized', status: 401 }, 'CMS refused the user name or password.'],
    [{ kind: 'notFound', status: 404 }, 'CMS has no such object or path (/api/v1/coSpaces/abc).'],
    [{ kind: 'busy', status: 503, attempts: 4 }, 'CMS is busy (503) and still was after 4 attempts; try again shortly.'],
    [{ kind: 'timeout', timeoutMs: 30_000 }, 'CMS did not answer within 30 s.'],
    [{ kind: 'timeout', timeoutMs: 1500 }, 'CMS did not answer within 1.5 s.'],
    [{ kind: 'network', reason: 'fetch failed (connect ECONNREFUSED 127.0.0.1:443)' }, 'Could not reach CMS: fetch failed (connect ECONNREFUSED 127.0.0.1:443).'],
    [{ kind: 'badResponse', reason: 'Expected one root element, found 2.' }, 'CMS answered with something that is not CMS XML: Expected one root element, found 2.'],
    [{ kind: 'http', status: 500 }, 'CMS answered HTTP 500 to GET /api/v1/coSpaces/abc.'],
    [{ kind: 'aborted' }, 'The request GET /api/v1/coSpaces/abc was cancelled.'],
  ] as const)('%o → %s', (fields, message) => {
    expect(new CmsError({ ...base, ...fields }).message).toBe(message);
  });

  it('lets a caller give its own message and keeps the cause', () => {
    const cause = new Error('inner');
    const error = new CmsError({ ...base, kind: 'badResponse', message: 'Custom.', cause });
    expect(error.message).toBe('Custom.');
    expect(error.cause).toBe(cause);
  });
});

describe('failureFor', () => {
  const error = new CmsError({
    ...base,
    kind: 'http',
    status: 400,
    failures: [{ code: 'duplicateCoSpaceUri' }, { code: 'parameterError', parameter: 'callId', error: 'invalidValue' }],
  });

  it('finds the failure naming a parameter, case-insensitively', () => {
    expect(error.failureFor('callId')).toEqual({ code: 'parameterError', parameter: 'callId', error: 'invalidValue' });
    expect(error.failureFor('callid')?.parameter).toBe('callId');
    expect(error.failureFor('uri')).toBeUndefined();
  });

  it('works on caught values of any type', () => {
    expect(failureFor(error, 'callId')?.error).toBe('invalidValue');
    expect(failureFor(new Error('x'), 'callId')).toBeUndefined();
    expect(failureFor(undefined, 'callId')).toBeUndefined();
  });
});
