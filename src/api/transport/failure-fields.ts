import { CmsError, type CmsFailure } from './errors';

/** CMS names no parameter for these codes; this is the form field each one is about. */
const fieldOfCode: Readonly<Record<string, string>> = {
  duplicateCoSpaceUri: 'uri',
  duplicateCoSpaceId: 'callId',
  duplicateCoSpaceUriPasscode: 'passcode',
  duplicateCoSpaceIdPasscode: 'passcode',
  callLegProfileDoesNotExist: 'callLegProfile',
  callProfileDoesNotExist: 'callProfile',
  tenantDoesNotExist: 'tenant',
  userDoesNotExist: 'userJid',
  dialInSecurityProfileDoesNotExist: 'dialInSecurityProfile',
  coSpaceTemplateDoesNotExist: 'coSpaceTemplate',
  duplicateUserCoSpaceTemplate: 'coSpaceTemplate',
};

/**
 * The form field a failure belongs to: `parameterError`'s own `parameter`, else the field the code
 * is about; undefined when it concerns the whole request.
 */
export function fieldForFailure(failure: CmsFailure | string): string | undefined {
  const { code, parameter } = typeof failure === 'string' ? { code: failure, parameter: undefined } : failure;
  if (code === 'parameterError') return parameter;
  return Object.hasOwn(fieldOfCode, code) ? fieldOfCode[code] : undefined;
}

/** The failures of a caught error, each with its field (if any), so a form can `setError` them. */
export function fieldFailures(error: unknown): Array<{ field: string | undefined; failure: CmsFailure }> {
  if (!(error instanceof CmsError)) return [];
  return error.failures.map((failure) => ({ field: fieldForFailure(failure), failure }));
}

/** Like `CmsError.failureFor`, but also finds the codes CMS reports without a parameter name. */
export function failureForField(error: unknown, field: string): CmsFailure | undefined {
  const wanted = field.toLowerCase();
  return fieldFailures(error).find((entry) => entry.field?.toLowerCase() === wanted)?.failure;
}
