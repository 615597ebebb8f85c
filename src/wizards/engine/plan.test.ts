import { describe, expect, it } from 'vitest';
import { defaultValues, wizardSchemas, type WizardInput, type WizardValues } from '../wizard-schema';
import { toCurl } from './curl';
import { joinCards } from './join-cards';
import { planWizard } from './plan';
import type { CurrentState, PlannedRequest } from './types';

const TENANT = 'e2f6a4c8-1b3d-4f5a-9c7e-2d4b6f8a0c1e';
const OLD_TENANT_PROFILE = '9a3e4f6b-2c1d-4e8f-a7b6-3d2c1b0a9f8e';

/** A CMS with nothing on it but a tenant: every profile must be created. */
const empty = (): CurrentState => ({
  sameUriSpaces: [],
  callLegProfiles: [],
  callProfiles: [],
  tenants: { [TENANT]: { id: TENANT, name: 'Acme', callLegProfile: OLD_TENANT_PROFILE } },
  systemProfiles: {},
  reach: { system: { spaces: 0 } },
  missing: [],
});

function input<S extends WizardInput['scenario']>(scenario: S, change?: (values: WizardValues<S>) => void): WizardInput<S> {
  const values = structuredClone(defaultValues(scenario));
  change?.(values);
  return wizardSchemas[scenario].parse(values) as WizardInput<S>;
}

describe('planWizard on an empty CMS', () => {
  it('orders the calls like the guide and chains ids with {ref}s (scenario 3, tenant scope)', () => {
    const wizard = input('blank-guest-pin', (v) => {
      v.profiles.guestScope = 'tenant';
      v.profiles.tenantId = TENANT;
    });
    const plan = planWizard(wizard, empty());
    const summary = plan.requests.map((r) => ({ key: r.key, call: `${r.method} ${r.path}`, form: r.form, creates: r.creates, restore: r.restore }));
    expect(summary).toEqual([
      {
        key: 'guestProfile',
        call: 'POST /callLegProfiles',
        form: { needsActivation: 'true', defaultLayout: 'speakerOnly', presentationContributionAllowed: 'false', rxAudioMute: 'true', rxVideoMute: 'false', deactivationMode: 'deactivate' },
        creates: 'guestProfile',
        restore: undefined,
      },
      {
        key: 'hostProfile',
        call: 'POST /callLegProfiles',
        form: { needsActivation: 'false', defaultLayout: 'speakerOnly', presentationContributionAllowed: 'true', rxAudioMute: 'false', rxVideoMute: 'false' },
        creates: 'hostProfile',
        restore: undefined,
      },
      { key: 'callProfile', call: 'POST /callProfiles', form: { passcodeMode: 'timeout', passcodeTimeout: '5' }, creates: 'callProfile', restore: undefined },
      {
        key: 'scope',
        call: `PUT /tenants/${TENANT}`,
        form: { callLegProfile: '{guestProfile}' },
        creates: undefined,
        restore: { callLegProfile: OLD_TENANT_PROFILE },
      },
      {
        key: 'space',
        call: 'POST /coSpaces',
        // no callLegProfile (it is on the tenant), the space goes into the tenant, no empty passcode
        form: { name: 'Guest/Host blank PIN', uri: 'guestpin3.space', callId: '1893', callProfile: '{callProfile}', tenant: TENANT },
        creates: 'space',
        restore: undefined,
      },
      {
        key: 'accessMethod',
        call: 'POST /coSpaces/{space}/accessMethods',
        form: { uri: 'guestpin3.space', callId: '8893', passcode: '1234', callLegProfile: '{hostProfile}' },
        creates: 'accessMethod',
        restore: undefined,
      },
    ]);
    expect(plan.requests.find((r) => r.key === 'accessMethod')?.sensitive).toEqual(['passcode']);
    expect(plan.ids).toEqual({});
  });

  it('scenario 4 posts the member with every guide permission and the host profile', () => {
    const plan = planWizard(input('members-are-hosts'), empty());
    expect(plan.requests.map((r) => r.key)).toEqual(['guestProfile', 'hostProfile', 'space', 'accessMethod', 'ownerJid', 'member:user1@evacanoalone.net']);
    expect(plan.requests.at(-1)?.form).toEqual({
      userJid: 'user1@evacanoalone.net',
      callLegProfile: '{hostProfile}',
      canDestroy: 'true',
      canAddRemoveMember: 'true',
      canChangeName: 'true',
      canChangeUri: 'false',
      canChangeCallId: 'false',
      canChangePasscode: 'true',
      canPostMessage: 'true',
      canDeleteAllMessages: 'false',
      canRemoveSelf: 'false',
      canChangeNonMemberAccessAllowed: 'true',
    });
    expect(plan.requests.find((r) => r.key === 'space')?.form).toMatchObject({ nonMemberAccess: 'true' });
    expect(plan.requests.find((r) => r.key === 'ownerJid')).toMatchObject({ path: '/coSpaces/{space}', form: { ownerJid: 'user1@evacanoalone.net' }, restore: { ownerJid: '' } });
  });

  it('reuses a profile that sets exactly the same parameters, and only then', () => {
    const current = empty();
    current.callLegProfiles = [
      // sets one more parameter: not the same profile (unset inherits, set does not)
      { id: 'aaaaaaaa-0000-4000-8000-000000000001', needsActivation: true, defaultLayout: 'speakerOnly', presentationContributionAllowed: false, rxAudioMute: true, rxVideoMute: false, deactivationMode: 'deactivate', muteSelfAllowed: false },
      { id: 'AAAAAAAA-0000-4000-8000-000000000002', name: undefined, needsActivation: true, defaultLayout: 'speakerOnly', presentationContributionAllowed: false, rxAudioMute: true, rxVideoMute: false, deactivationMode: 'deactivate' },
    ];
    const plan = planWizard(input('different-uris'), current);
    expect(plan.ids.guestProfile).toBe('aaaaaaaa-0000-4000-8000-000000000002');
    expect(plan.requests.map((r) => r.key)).toEqual(['hostProfile', 'space', 'accessMethod']);
    expect(plan.requests.find((r) => r.key === 'space')?.form.callLegProfile).toBe('aaaaaaaa-0000-4000-8000-000000000002');
    expect(plan.notes[0]).toContain('reused');
  });
});

describe('join cards', () => {
  it('say who dials what, with the domain', () => {
    const [guest, host] = joinCards(input('same-uri-two-pins'), 'cms.lab');
    expect(guest?.lines.slice(0, 2)).toEqual([
      'Dial guestpin2.space@cms.lab and enter PIN 789.',
      'Or enter call ID 1892 in the IVR or the web app, then PIN 789.',
    ]);
    expect(host?.lines).toEqual(['Dial guestpin2.space@cms.lab and enter PIN 1234.', 'Or enter call ID 889 in the IVR or the web app, then PIN 1234.']);
  });
  it('scenario 3 tells guests to press # or wait, and that it is SIP/IVR only, CMS 2.1+', () => {
    const [guest] = joinCards(input('blank-guest-pin'));
    expect(guest?.lines[0]).toBe('Dial guestpin3.space@example.com and press # at the PIN prompt (or wait 5 seconds).');
    expect(guest?.lines.join(' ')).toContain('not the web app; it needs CMS 2.1 or later');
  });
});

describe('toCurl', () => {
  const request: PlannedRequest = {
    key: 'accessMethod',
    title: 'Add the host access method',
    method: 'POST',
    path: '/coSpaces/{space}/accessMethods',
    form: { uri: "it's.space", passcode: '1234', callLegProfile: '{hostProfile}' },
    creates: 'accessMethod',
    sensitive: ['passcode'],
  };
  it('masks passcodes, uses a password placeholder and fills known refs', () => {
    expect(toCurl(request, { space: 'abc' }, { baseUrl: 'https://cms.lab:445/', revealSecrets: false })).toBe(
      "curl -sS -X POST -u 'USER:PASSWORD' -H 'Content-Type: application/x-www-form-urlencoded' " +
        "--data-raw 'uri=it%27s.space&passcode=*****&callLegProfile=%3ChostProfile+id%3E' 'https://cms.lab:445/api/v1/coSpaces/abc/accessMethods'",
    );
  });
  it('shows passcodes when revealed', () => {
    expect(toCurl(request, {}, { baseUrl: '', revealSecrets: true })).toContain('&passcode=1234&');
    expect(toCurl(request, {}, { baseUrl: '', revealSecrets: true })).toContain("'/api/v1/coSpaces/<space id>/accessMethods'");
  });
});
