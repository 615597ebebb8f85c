import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeFailure, failureReasons } from '../wire/failure-reasons';
import { accessMethodParams } from './access-method';
import { callBridgeParams } from './call-bridge';
import { callLegParams } from './call-leg';
import { callLegProfileParams } from './call-leg-profile';
import { callProfileParams } from './call-profile';
import { callParams } from './call';
import { coSpaceUserParams } from './co-space-user';
import { accessMethodTemplateParams, coSpaceTemplateParams, ldapUserCoSpaceTemplateSourceParams, userCoSpaceTemplateParams } from './co-space-template';
import { coSpaceParams } from './co-space';
import { cospaceBulkParameterSetParams } from './cospace-bulk-parameter-set';
import { cospaceBulkSyncParams } from './cospace-bulk-sync';
import type { ParamDef, ParamTable } from './param-def';
import { participantParams } from './participant';
import { systemProfilesParams } from './system-profiles';
import { systemStatusParams } from './system-status';
import { tenantParams } from './tenant';
import { userParams } from './user';
import { callBrandingProfileParams, ivrBrandingProfileParams } from './branding-profiles';
import { compatibilityProfileParams } from './compatibility-profile';
import { dialInSecurityProfileParams } from './dial-in-security-profile';
import { dtmfProfileParams } from './dtmf-profile';
import { callBridgeGroupParams, tenantGroupParams } from './groups';
import { inboundDialPlanRuleParams } from './inbound-dial-plan-rule';
import { ivrParams } from './ivr';
import { layoutTemplateParams } from './layout-template';
import { alarmParams, diagnosticsParams, meetingEntryDetailParams, uriUsageParams, userCoSpaceParams } from './support-reads';
import { webBridgeParams } from './web-bridge';

const tables: Record<string, ParamTable> = {
  coSpace: coSpaceParams,
  accessMethod: accessMethodParams,
  coSpaceUser: coSpaceUserParams,
  coSpaceTemplate: coSpaceTemplateParams,
  accessMethodTemplate: accessMethodTemplateParams,
  userCoSpaceTemplate: userCoSpaceTemplateParams,
  ldapUserCoSpaceTemplateSource: ldapUserCoSpaceTemplateSourceParams,
  callLegProfile: callLegProfileParams,
  callProfile: callProfileParams,
  tenant: tenantParams,
  systemProfiles: systemProfilesParams,
  systemStatus: systemStatusParams,
  callBridge: callBridgeParams,
  user: userParams,
  call: callParams,
  callLeg: callLegParams,
  participant: participantParams,
  cospaceBulkParameterSet: cospaceBulkParameterSetParams,
  cospaceBulkSync: cospaceBulkSyncParams,
  dialInSecurityProfile: dialInSecurityProfileParams,
  inboundDialPlanRule: inboundDialPlanRuleParams,
  ivr: ivrParams,
  webBridge: webBridgeParams,
  callBrandingProfile: callBrandingProfileParams,
  ivrBrandingProfile: ivrBrandingProfileParams,
  dtmfProfile: dtmfProfileParams,
  compatibilityProfile: compatibilityProfileParams,
  layoutTemplate: layoutTemplateParams,
  tenantGroup: tenantGroupParams,
  callBridgeGroup: callBridgeGroupParams,
  alarm: alarmParams,
  diagnostics: diagnosticsParams,
  userCoSpace: userCoSpaceParams,
  uriUsage: uriUsageParams,
  meetingEntryDetail: meetingEntryDetailParams,
};

const allParams: Array<[string, string, ParamDef]> = Object.entries(tables).flatMap(([table, params]) =>
  Object.entries(params).map(([name, def]): [string, string, ParamDef] => [table, name, def]),
);

/** Every code of the blueprint's "Failure Reasons" table, duplicates removed. */
const BLUEPRINT_FAILURE_CODES = [
  'accessMethodDoesNotExist',
  'callBrandingProfileDoesNotExist',
  'callBridgeDoesNotExist',
  'callBridgeGroupDoesNotExist',
  'callBridgeGroupUnavailable',
  'callBridgeUnavailable',
  'callDoesNotExist',
  'callRecordingCannotBeModified',
  'callStreamingCannotBeModified',
  'callLegCannotBeDeleted',
  'callLegDoesNotExist',
  'callLegProfileDoesNotExist',
  'callProfileDoesNotExist',
  'cdrReceiverDoesNotExist',
  'compatibilityProfileDoesNotExist',
  'coSpaceAccessMethodTemplateDoesNotExist',
  'coSpaceDoesNotExist',
  'coSpaceTemplateDoesNotExist',
  'coSpaceUserDoesNotExist',
  'databaseNotReady',
  'dialInSecurityProfileDoesNotExist',
  'directorySearchLocationDoesNotExist',
  'dtmfProfileDoesNotExist',
  'duplicateCallBridgeName',
  'duplicateCoSpaceId',
  'duplicateCoSpaceUri',
  'duplicateCoSpaceIdPasscode',
  'duplicateCoSpaceUriPasscode',
  'duplicateUserCoSpaceTemplate',
  'duplicateSipEndpointUri',
  'forwardingDialPlanRuleDoesNotExist',
  'inboundDialPlanRuleDoesNotExist',
  'inboundDialPlanRuleUriConflict',
  'invalidOperation',
  'invalidVersion',
  'ivrBrandingProfileDoesNotExist',
  'ivrDoesNotExist',
  'ivrUriConflict',
  'layoutTemplateDoesNotExist',
  'layoutTemplateDescriptionTooLong',
  'ldapMappingDoesNotExist',
  'ldapServerDoesNotExist',
  'ldapSourceDoesNotExist',
  'ldapSyncCannotBeCancelled',
  'ldapUserCoSpaceTemplateSourceDoesNotExist',
  'ldapSyncDoesNotExist',
  'loadBalancingDisabled',
  'messageDoesNotExist',
  'outboundDialPlanRuleDoesNotExist',
  'parameterError',
  'participantCannotBeDeleted',
  'participantCannotBeModified',
  'participantLimitReached',
  'passcodeTooShort',
  'recorderDoesNotExist',
  'recordingNotAllowedByLicensing',
  'recordingLimitReached',
  'sipEndpointDoesNotExist',
  'streamerDoesNotExist',
  'streamingNotAllowedByLicensing',
  'streamingLimitReached',
  'tenantDoesNotExist',
  'tenantGroupCoSpaceIdConflict',
  'tenantGroupDoesNotExist',
  'tenantParticipantLimitReached',
  'tooManyCdrReceivers',
  'tooManyLdapSyncs',
  'unrecognizedObject',
  'userCoSpaceTemplateDeletionProhibited',
  'userCoSpaceTemplateDoesNotExist',
  'userDoesNotExist',
  'userProfileDoesNotExist',
];

/** Names of the direct children of the root element of a fixture (attributes and text ignored). */
function topLevelElements(xml: string): string[] {
  const names: string[] = [];
  let depth = 0;
  for (const match of xml.matchAll(/<(\/?)([A-Za-z_][\w.-]*)[^>]*?(\/?)>/g)) {
    const [, closing, name, selfClosing] = match;
    if (closing) {
      depth -= 1;
      continue;
    }
    if (depth === 1 && name !== undefined) names.push(name);
    if (!selfClosing) depth += 1;
  }
  return names;
}

function fixture(path: string): string {
  return readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8');
}

describe('parameter tables', () => {
  it.each(allParams)('%s.%s is well formed', (_table, name, def) => {
    expect(name).toMatch(/^[a-z][A-Za-z0-9]*$/);
    expect(def.description.trim().length).toBeGreaterThan(0);
    if (def.since !== undefined) expect(def.since).toMatch(/^\d+\.\d+$/);
    if (def.access === 'readOnly') {
      expect(def.required).not.toBe(true);
      expect(def.putOnly).not.toBe(true);
    }
    if (def.type === 'integer' && def.min !== undefined && def.max !== undefined) {
      expect(def.min).toBeLessThanOrEqual(def.max);
    }
  });

  it.each(allParams.filter(([, , def]) => def.type === 'enum'))('%s.%s has at least two distinct, trimmed values', (_t, _n, def) => {
    if (def.type !== 'enum') throw new Error('not an enum');
    expect(new Set(def.values).size).toBe(def.values.length);
    expect(def.values.length).toBeGreaterThanOrEqual(2);
    for (const value of def.values) {
      expect(value).toBe(value.trim());
      expect(value).toMatch(/^[A-Za-z0-9]+$/);
    }
  });

  it.each(allParams.filter(([, , def]) => def.default !== undefined))('%s.%s has a default of its own type', (_t, _n, def) => {
    switch (def.type) {
      case 'boolean':
        expect(typeof def.default).toBe('boolean');
        break;
      case 'enum':
        expect(def.values).toContain(def.default);
        break;
      case 'integer': {
        expect(Number.isInteger(def.default)).toBe(true);
        const value = def.default as number;
        if (def.min !== undefined) expect(value).toBeGreaterThanOrEqual(def.min);
        if (def.max !== undefined) expect(value).toBeLessThanOrEqual(def.max);
        break;
      }
      case 'digits':
        expect(def.default).toMatch(/^\d+$/);
        break;
      default:
        expect(typeof def.default).toBe('string');
    }
  });

  it('marks passcodes, secrets and passwords as sensitive', () => {
    for (const [table, name, def] of allParams) {
      if (/passcode$|secret$|password$/i.test(name) && def.type !== 'boolean') {
        expect(def.sensitive, `${table}.${name}`).toBe(true);
      }
    }
  });

  it('keeps regenerateSecret a PUT-only write', () => {
    for (const table of [coSpaceParams, accessMethodParams]) {
      expect(table.regenerateSecret).toMatchObject({ type: 'boolean', access: 'writeOnly', putOnly: true });
    }
    expect(coSpaceParams.requireCallId).toMatchObject({ type: 'boolean', access: 'writeOnly' });
  });

  it('types the ways into a space', () => {
    for (const table of [coSpaceParams, accessMethodParams]) {
      expect(table.uri.type).toBe('uriUserPart');
      expect(table.callId.type).toBe('digits');
      expect(table.passcode).toMatchObject({ type: 'digits', sensitive: true });
      expect(table.callLegProfile).toMatchObject({ type: 'id', ref: 'callLegProfile' });
    }
    expect(coSpaceParams.nonMemberAccess.default).toBe(true);
  });
});

describe('callLegProfile', () => {
  const names = Object.keys(callLegProfileParams);

  it('starts with needsActivation, a boolean defaulting to false', () => {
    expect(names[0]).toBe('needsActivation');
    expect(callLegProfileParams.needsActivation).toMatchObject({ type: 'boolean', default: false, group: 'activation' });
  });

  it('has the guest/host parameters', () => {
    for (const name of [
      'deactivationMode',
      'deactivationModeTime',
      'defaultLayout',
      'rxAudioMute',
      'rxVideoMute',
      'presentationContributionAllowed',
    ]) {
      expect(names).toContain(name);
    }
    expect(callLegProfileParams.deactivationMode).toMatchObject({
      type: 'enum',
      values: ['deactivate', 'disconnect', 'remainActivated'],
    });
    expect(callLegProfileParams.deactivationModeTime.type).toBe('integer');
  });

  it('groups every parameter', () => {
    const groups = new Set(['activation', 'layout', 'presentation', 'permissions', 'media', 'signalling', 'tones', 'other']);
    for (const [name, def] of Object.entries(callLegProfileParams) as Array<[string, ParamDef]>) {
      expect(groups.has(def.group ?? ''), name).toBe(true);
    }
    const activation = names.filter((n) => (callLegProfileParams as ParamTable)[n]?.group === 'activation');
    expect(activation.sort()).toEqual(['deactivationMode', 'deactivationModeTime', 'needsActivation']);
  });

  it('is all read/write (GET returns what POST/PUT set)', () => {
    for (const def of Object.values(callLegProfileParams) as ParamDef[]) {
      expect(def.access ?? 'readWrite').toBe('readWrite');
    }
  });

  it('accepts every element of the blueprint and guide examples', () => {
    for (const path of [
      'blueprint/callLegProfile-1.xml',
      'guide/guest-call-leg-profile.xml',
      'guide/host-call-leg-profile.xml',
    ]) {
      for (const element of topLevelElements(fixture(path))) expect(names, path).toContain(element);
    }
  });
});

describe('other tables', () => {
  it('callProfile has passcodeMode required|timeout and passcodeTimeout', () => {
    expect(callProfileParams.passcodeMode).toMatchObject({ type: 'enum', values: ['required', 'timeout'] });
    expect(callProfileParams.passcodeTimeout.type).toBe('integer');
  });

  it('cospaceBulkSync status lists every documented state', () => {
    expect(cospaceBulkSyncParams.status).toMatchObject({
      type: 'enum',
      access: 'readOnly',
      values: [
        'pending',
        'running',
        'complete',
        'failedCoSpaceUriConflict',
        'failedCallIdConflict',
        'failedIndexRangeInvalid',
        'failedIndexRangeTooGreat',
        'failedNoSuchParameterSet',
        'failed',
      ],
    });
  });

  const examples: Array<[string, ParamTable, string[]]> = [
    ['coSpace', coSpaceParams, ['blueprint/coSpace-1.xml', 'guide/guest-space.xml', 'guide/global-space-with-owner.xml', 'guide/guestpin-space-with-call-profile.xml']],
    ['accessMethod', accessMethodParams, ['blueprint/accessMethod-1.xml', 'guide/host-access-method.xml', 'guide/global-host-access-method.xml']],
    ['coSpaceUser', coSpaceUserParams, ['blueprint/coSpaceUser-2.xml', 'guide/global-co-space-user.xml']],
    ['callProfile', callProfileParams, ['blueprint/callProfile-1.xml', 'guide/passcode-call-profile.xml']],
    ['call', callParams, ['blueprint/call-1.xml']],
    ['callLeg', callLegParams, ['blueprint/callLeg-1.xml']],
    ['participant', participantParams, ['blueprint/participant-1.xml']],
    ['systemStatus', systemStatusParams, ['blueprint/status-1.xml']],
    ['systemProfiles', systemProfilesParams, ['blueprint/profiles-1.xml']],
    ['callBridge', callBridgeParams, ['blueprint/callBridge-1.xml']],
    ['user', userParams, ['blueprint/user-1.xml']],
    ['cospaceBulkParameterSet', cospaceBulkParameterSetParams, ['blueprint/cospaceBulkParameterSet-1.xml']],
    ['cospaceBulkSync', cospaceBulkSyncParams, ['blueprint/cospaceBulkSync-1.xml']],
  ];
  const containers = new Set(['configuration', 'status', 'alarms']);

  it.each(examples)('%s knows every element of its example responses', (_name, table, paths) => {
    for (const path of paths) {
      for (const element of topLevelElements(fixture(path))) {
        if (containers.has(element)) continue;
        expect(Object.keys(table), `${path}: <${element}>`).toContain(element);
        expect(table[element]?.access, `${path}: <${element}>`).not.toBe('writeOnly');
      }
    }
  });
});

describe('failure reasons', () => {
  it('has a sentence for every blueprint code and nothing else', () => {
    expect(new Set(BLUEPRINT_FAILURE_CODES).size).toBe(BLUEPRINT_FAILURE_CODES.length);
    expect(Object.keys(failureReasons).sort()).toEqual([...BLUEPRINT_FAILURE_CODES].sort());
  });

  it.each(BLUEPRINT_FAILURE_CODES)('%s reads as plain sentences', (code) => {
    const text = failureReasons[code];
    expect(text).toBeDefined();
    expect(text).toMatch(/^[A-Z].*[.]$/s);
    expect(text).not.toMatch(/^You tried/);
    expect(describeFailure(code)).toBe(text);
  });

  it('names an unknown code', () => {
    const text = describeFailure('somethingNew');
    expect(text).toContain('somethingNew');
    expect(text).toMatch(/[.]$/);
    expect(describeFailure('constructor')).toContain('constructor');
  });
});
