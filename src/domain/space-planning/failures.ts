import { describeCmsFailure, type CmsError } from '../../api/transport/errors';
import { fieldForFailure } from '../../api/transport/failure-fields';
import { pathForFailure, type RequestKind } from './wizard-fields';
import { isWizardPath, type WizardInput } from './wizard-schema';
import type { FieldIssue, PlannedRequest } from './types';

const MEMBER = 'member:';

function requestKind(key: string): RequestKind | undefined {
  if (key.startsWith(MEMBER)) return 'member';
  const kinds: readonly RequestKind[] = ['guestProfile', 'hostProfile', 'callProfile', 'scope', 'space', 'accessMethod', 'ownerJid'];
  return kinds.find((kind) => kind === key);
}

/** The form field a CMS parameter of one planned request is about, read backwards from the wizard's field descriptions. */
function formField(input: WizardInput, request: PlannedRequest, parameter: string | undefined): FieldIssue['field'] {
  const kind = requestKind(request.key);
  if (!kind) return '';
  const jid = request.key.slice(MEMBER.length);
  const index = kind === 'member' && input.scenario === 'members-are-hosts' ? input.members.findIndex((m) => m.userJid.toLowerCase() === jid) : -1;
  const path = pathForFailure(input, kind, parameter, index < 0 ? undefined : index);
  return path !== undefined && isWizardPath(path) ? path : '';
}

/** Codes about two parameters at once: the one this request changed is the one to blame. */
const PAIRED_CODES: Readonly<Record<string, readonly string[]>> = {
  duplicateCoSpaceUriPasscode: ['uri', 'passcode'],
  duplicateCoSpaceIdPasscode: ['callId', 'passcode'],
};

function parameterOf(request: PlannedRequest, failure: CmsError['failures'][number]): string | undefined {
  const pair = Object.hasOwn(PAIRED_CODES, failure.code) ? PAIRED_CODES[failure.code] : undefined;
  const sent = pair?.filter((name) => Object.hasOwn(request.form, name)) ?? [];
  // A PUT that changed only the call ID cannot have made a PIN clash worse: the call ID is the cause.
  return sent.length === 1 ? sent[0] : fieldForFailure(failure);
}

/**
 * The failures CMS answered to one request of the plan, each on the form field it is about
 * (`fieldForFailure` names the CMS parameter, the request says which part of the form sent it),
 * in plain words. A failure about the whole request lands on '' (show it above the form).
 */
export function failureIssues(input: WizardInput, request: PlannedRequest, error: CmsError): FieldIssue[] {
  if (error.failures.length === 0) return [{ field: '', message: error.message }];
  return error.failures.map((failure) => ({
    field: formField(input, request, parameterOf(request, failure)),
    message: describeCmsFailure(failure),
  }));
}
