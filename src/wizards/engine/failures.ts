import { describeCmsFailure, type CmsError } from '../../api/transport/errors';
import { fieldForFailure } from '../../api/transport/failure-fields';
import { GUIDE_PROFILE_SETTINGS, type WizardInput } from '../wizard-schema';
import type { FieldIssue, PlannedRequest } from './types';

/** The form field a CMS parameter of one planned request is about. */
function formField(input: WizardInput, request: PlannedRequest, parameter: string | undefined): string | undefined {
  const key = request.key;
  if (key === 'space') {
    if (parameter === 'callLegProfile') return 'profiles.guest';
    if (parameter === 'callProfile') return 'callProfile';
    if (parameter === 'tenant') return 'profiles.tenantId';
    return parameter && ['name', 'uri', 'callId', 'passcode', 'nonMemberAccess', 'ownerJid'].includes(parameter) ? `space.${parameter}` : 'space';
  }
  if (key === 'accessMethod') {
    if (parameter === 'callLegProfile') return 'profiles.host';
    return parameter && ['uri', 'callId', 'passcode'].includes(parameter) ? `access.${parameter}` : 'access';
  }
  if (key === 'guestProfile' || key === 'hostProfile') {
    const base = key === 'guestProfile' ? 'profiles.guest' : 'profiles.host';
    if (!parameter) return base;
    return (GUIDE_PROFILE_SETTINGS as readonly string[]).includes(parameter) ? `${base}.settings.${parameter}` : `${base}.advanced.${parameter}`;
  }
  if (key === 'callProfile') return parameter && ['passcodeMode', 'passcodeTimeout'].includes(parameter) ? `callProfile.${parameter}` : 'callProfile';
  if (key === 'scope') return input.profiles.guestScope === 'tenant' ? 'profiles.tenantId' : 'profiles.guestScope';
  if (key === 'ownerJid') return 'space.ownerJid';
  if (key.startsWith('member:') && input.scenario === 'members-are-hosts') {
    const jid = key.slice('member:'.length);
    const index = input.members.findIndex((m) => m.userJid.toLowerCase() === jid);
    if (index < 0) return 'members';
    if (parameter === 'callLegProfile') return 'profiles.host';
    return parameter && parameter !== 'userJid' ? `members.${index}.permissions.${parameter}` : `members.${index}.userJid`;
  }
  return undefined;
}

/**
 * The failures CMS answered to one request of the plan, each on the form field it is about
 * (`fieldForFailure` names the CMS parameter, the request says which part of the form sent it),
 * in plain words. A failure about the whole request lands on '' (show it above the form).
 */
export function failureIssues(input: WizardInput, request: PlannedRequest, error: CmsError): FieldIssue[] {
  if (error.failures.length === 0) return [{ field: '', message: error.message }];
  return error.failures.map((failure) => ({
    field: formField(input, request, fieldForFailure(failure)) ?? '',
    message: describeCmsFailure(failure),
  }));
}
