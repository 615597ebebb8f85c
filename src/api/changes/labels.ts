import type { WrittenKind } from '../resources/operation-facts';
import { maskValue } from '../wire/secrets';

const KIND_LABEL: Record<WrittenKind, string> = {
  coSpace: 'space',
  accessMethod: 'access method',
  coSpaceUser: 'member',
  callLegProfile: 'call leg profile',
  callProfile: 'call profile',
  tenant: 'tenant',
  systemProfiles: 'global profiles',
  call: 'call',
  callLeg: 'call leg',
  cospaceBulkParameterSet: 'bulk parameter set',
  cospaceBulkSync: 'bulk sync',
  coSpaceTemplate: 'space template',
  accessMethodTemplate: 'access method template',
  userCoSpaceTemplate: 'template assignment',
  ldapUserCoSpaceTemplateSource: 'LDAP template source',
};

/** "the space /api/v1/coSpaces/…" */
export function objectLabel(kind: WrittenKind, path: string): string {
  return `the ${KIND_LABEL[kind]} ${path}`;
}

/** Text that starts a sentence: its first letter in upper case. */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A value as a sentence shows it: passcodes masked, '' as unset. */
export function shownValue(field: string, value: string | null | undefined): string {
  if (value === undefined || value === null || value === '') return '(unset)';
  return maskValue(field, value);
}
