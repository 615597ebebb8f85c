import { describe, expect, it } from 'vitest';
import { guideExample, wizardSchemas, type WizardInput, type WizardValues } from './wizard-schema';
import { joinCards } from './join-cards';
import { planWizard } from './plan';
import type { CurrentState } from './types';

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
  const values = structuredClone(guideExample(scenario));
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

const SPACE = '22d9f4ca-8b88-4d11-bba9-e2a2f7428c46';
const GUEST = 'd4bfe12d-68cd-41c0-a671-48395ee170ab';
const HOST = '7306d2c1-bc15-4dbf-ab4a-1cbdaabd1912';
const METHOD = '760c0e17-55c0-4232-ba72-2e9207916330';

/** CMS after a scenario-2 run: the space, its host access method and both profiles. */
function afterRun(): CurrentState {
  const current = empty();
  current.callLegProfiles = [
    { id: GUEST, needsActivation: true, defaultLayout: 'speakerOnly', presentationContributionAllowed: false, rxAudioMute: true, rxVideoMute: false, deactivationMode: 'deactivate' },
    { id: HOST, needsActivation: false, defaultLayout: 'speakerOnly', presentationContributionAllowed: true, rxAudioMute: false, rxVideoMute: false },
  ];
  current.space = {
    space: { id: SPACE, name: 'Guest/Host PIN 2', uri: 'guestpin2.space', callId: '1892', passcode: '789', callLegProfile: GUEST },
    accessMethods: [{ id: METHOD, uri: 'guestpin2.space', callId: '889', passcode: '1234', callLegProfile: HOST }],
    members: [],
  };
  return current;
}

const onTheSpace = (v: WizardValues<'same-uri-two-pins'>) => {
  v.space = { ...v.space, mode: 'existing', id: SPACE };
  v.access.id = METHOD;
};

describe('a rerun after a run', () => {
  it('changes the access method the earlier run made in place, whatever its URI and call ID become', () => {
    const changedCallId = planWizard(input('same-uri-two-pins', (v) => (onTheSpace(v), (v.access.callId = '8890'))), afterRun());
    expect(changedCallId.requests.map((r) => ({ call: `${r.method} ${r.path}`, form: r.form, restore: r.restore }))).toEqual([
      { call: `PUT /coSpaces/${SPACE}/accessMethods/${METHOD}`, form: { callId: '8890' }, restore: { callId: '889' } },
    ]);
    const moved = planWizard(
      input('same-uri-two-pins', (v) => {
        onTheSpace(v);
        v.space.uri = 'guestpin9.space';
        v.access.uri = 'guestpin9.space';
        v.access.callId = '8899';
      }),
      afterRun(),
    );
    expect(moved.requests.map((r) => `${r.method} ${r.path} ${Object.keys(r.form).join(',')}`)).toEqual([
      `PUT /coSpaces/${SPACE} uri`,
      `PUT /coSpaces/${SPACE}/accessMethods/${METHOD} uri,callId`,
    ]);
  });

  it('adds a new access method, and says so, when the one named is gone', () => {
    const current = afterRun();
    current.space!.accessMethods = [];
    const plan = planWizard(input('same-uri-two-pins', onTheSpace), current);
    expect(plan.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`POST /coSpaces/${SPACE}/accessMethods`]);
    expect(plan.notes).toContain(`The access method ${METHOD} is no longer on the space, so a new one is added.`);
  });

  it('with no access method named, still changes one with the same URI and call ID rather than adding a twin', () => {
    const plan = planWizard(input('same-uri-two-pins', (v) => (onTheSpace(v), (v.access.id = ''), (v.access.passcode = '4321'))), afterRun());
    expect(plan.requests.map((r) => `${r.method} ${r.path} ${JSON.stringify(r.form)}`)).toEqual([`PUT /coSpaces/${SPACE}/accessMethods/${METHOD} {"passcode":"4321"}`]);
  });
});

describe('only real changes', () => {
  const global = (nonMemberAccess?: boolean): CurrentState => ({
    ...afterRun(),
    space: {
      space: { id: SPACE, name: 'Global 2', uri: 'global2', callId: '12342', callLegProfile: GUEST, ownerJid: 'user1@evacanoalone.net', ...(nonMemberAccess === undefined ? {} : { nonMemberAccess }) },
      accessMethods: [{ id: METHOD, uri: 'global2', callId: '12342', passcode: '12345', callLegProfile: HOST }],
      members: [],
    },
  });
  const scenario4 = (nonMemberAccess: boolean) =>
    input('members-are-hosts', (v) => {
      v.space = { ...v.space, mode: 'existing', id: SPACE, nonMemberAccess };
      v.access.id = METHOD;
      v.members = [];
    });

  it('sends no nonMemberAccess=true where CMS has it unset: its default already lets non-members in', () => {
    expect(planWizard(scenario4(true), global()).requests).toEqual([]);
  });
  it('sends nonMemberAccess=false over an unset one, and puts back "unset" on undo', () => {
    const [request] = planWizard(scenario4(false), global()).requests;
    expect(request).toMatchObject({ method: 'PUT', path: `/coSpaces/${SPACE}`, form: { nonMemberAccess: 'false' }, restore: { nonMemberAccess: '' } });
    expect(planWizard(scenario4(true), global(false)).requests[0]).toMatchObject({ form: { nonMemberAccess: 'true' }, restore: { nonMemberAccess: 'false' } });
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

