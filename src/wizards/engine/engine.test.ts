import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CmsExchange } from '../../api/transport/client';
import { cmsClient, configureCmsClient } from '../../api/transport/cms-client';
import { listAllCallLegProfiles } from '../../api/resources/call-leg-profiles';
import { listAllCallProfiles } from '../../api/resources/call-profiles';
import { LAB, TEST_CMS_URL, withMockCms } from '../../testing/mock-cms';
import {
  deleteAccessMethod,
  getAccessMethod,
  getSpace,
  getSpaceMember,
  listAllAccessMethods,
  listAllSpaceMembers,
  listAllSpaces,
  updateSpace,
} from '../../api/resources/spaces';
import { getSystemProfiles } from '../../api/resources/system';
import { listAllTenants } from '../../api/resources/tenants';
import { guideExample, wizardSchemas, type WizardInput, type WizardValues } from '../../domain/space-planning/wizard-schema';
import { applyPlan, rollback } from '../../domain/space-planning/apply';
import { failureIssues } from '../../domain/space-planning/failures';
import { planWizard } from '../../domain/space-planning/plan';
import { preflight } from '../../domain/space-planning/preflight';
import { readCurrentState } from '../../domain/space-planning/read-current';
import { verifyWizard } from './verify';

const { mock } = withMockCms();

// Count every request the client sends (GET included), to prove pre-flight writes nothing.
let exchanges: CmsExchange[] = [];
beforeEach(() => {
  exchanges = [];
  configureCmsClient({
    baseUrl: TEST_CMS_URL,
    retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2 },
    onExchange: (exchange) => exchanges.push(exchange),
  });
});
afterEach(() => configureCmsClient({ baseUrl: TEST_CMS_URL, retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2 } }));
// The query nodes (uriUsageQuery, accessQuery) are POSTs that change nothing.
const RUN = { origin: { kind: 'wizard', name: 'engine-test' }, title: 'Engine test' } as const;
const writes = () => exchanges.filter((e) => e.method !== 'GET' && !/\/(uriUsageQuery|accessQuery)$/i.test(e.path));

function input<S extends WizardInput['scenario']>(scenario: S, change?: (values: WizardValues<S>) => void): WizardInput<S> {
  const values = structuredClone(guideExample(scenario));
  change?.(values);
  return wizardSchemas[scenario].parse(values) as WizardInput<S>;
}

async function prepare(wizard: WizardInput) {
  const current = await readCurrentState(wizard);
  const issues = await preflight(wizard, current);
  const plan = planWizard(wizard, current);
  return { current, issues, plan };
}

/** Plan → apply, then the same wizard again must plan nothing. */
async function runToEnd(wizard: WizardInput) {
  const { issues, plan } = await prepare(wizard);
  expect(issues).toEqual([]);
  const outcome = await applyPlan(plan, RUN);
  expect(outcome.failed?.stop).toBeUndefined();
  expect(outcome.ok).toBe(true);
  const again = await prepare(wizard);
  expect(again.plan.requests).toEqual([]);
  expect(again.issues).toEqual([]);
  return { plan, outcome, again };
}

/** Every object the wizard can touch, as CMS answers a GET for it (raw XML), keyed by path. */
async function snapshotCms(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const read = async (path: string) => {
    out[path] = (await cmsClient().request({ method: 'GET', path })).text;
  };
  const spaces = await listAllSpaces();
  for (const space of spaces.items) {
    await read(`coSpaces/${space.id}`);
    for (const am of (await listAllAccessMethods(space.id!)).items) await read(`coSpaces/${space.id}/accessMethods/${am.id}`);
    for (const member of (await listAllSpaceMembers(space.id!)).items) await read(`coSpaces/${space.id}/coSpaceUsers/${member.id}`);
  }
  for (const profile of (await listAllCallLegProfiles()).items) await read(`callLegProfiles/${profile.id}`);
  for (const profile of (await listAllCallProfiles()).items) await read(`callProfiles/${profile.id}`);
  for (const tenant of (await listAllTenants()).items) await read(`tenants/${tenant.id}`);
  await read('system/profiles');
  return out;
}

describe('the four scenarios from their default values, against the lab CMS', () => {
  it('1 different URIs: guest profile on the new space, host profile on its own URI and call ID', async () => {
    const wizard = input('different-uris');
    const { plan, outcome } = await runToEnd(wizard);
    // The guide's profiles already exist on the lab CMS with exactly these settings: reused.
    expect(plan.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /coSpaces', 'POST /coSpaces/{space}/accessMethods']);
    expect(plan.ids).toMatchObject({ guestProfile: LAB.callLegProfiles.guest, hostProfile: LAB.callLegProfiles.host });

    const spaceId = outcome.refs.space!;
    expect(await getSpace(spaceId)).toMatchObject({ uri: 'guest2.space', callId: '628821816', callLegProfile: LAB.callLegProfiles.guest });
    expect((await getSpace(spaceId)).passcode).toBeUndefined();
    expect(await getAccessMethod(spaceId, outcome.refs.accessMethod!)).toMatchObject({
      uri: 'host2.space',
      callId: '8882',
      callLegProfile: LAB.callLegProfiles.host,
    });
  });

  it('2 same URI, two PINs: the guide state for guestpin2.space, once the guide\'s own 889 is free', async () => {
    const wizard = input('same-uri-two-pins');
    // On the untouched lab CMS the guide's scenario 2/3 access method still holds call ID 889.
    const blocked = await prepare(wizard);
    expect(blocked.issues).toEqual([
      { field: 'access.callId', message: expect.stringContaining('The call ID 889 is already used by an access method of another space') },
    ]);
    await deleteAccessMethod(LAB.coSpaces.guestPin, LAB.accessMethods.guestPinHost);

    const { outcome } = await runToEnd(wizard);
    const spaceId = outcome.refs.space!;
    expect(await getSpace(spaceId)).toMatchObject({
      name: 'Guest/Host PIN 2',
      uri: 'guestpin2.space',
      passcode: '789',
      callLegProfile: LAB.callLegProfiles.guest,
      numAccessMethods: 1,
    });
    const methods = await listAllAccessMethods(spaceId);
    expect(methods.items).toHaveLength(1);
    expect(await getAccessMethod(spaceId, methods.items[0]!.id!)).toMatchObject({
      uri: 'guestpin2.space',
      callId: '889',
      passcode: '1234',
      callLegProfile: LAB.callLegProfiles.host,
    });
  });

  it('3 same URI, blank guest PIN: the callProfile with passcodeMode on the space', async () => {
    const wizard = input('blank-guest-pin');
    const { plan, outcome } = await runToEnd(wizard);
    expect(plan.ids.callProfile).toBe(LAB.callProfiles.passcodeTimeout); // timeout, 5 s: the guide's, reused
    const spaceId = outcome.refs.space!;
    const space = await getSpace(spaceId);
    expect(space).toMatchObject({ uri: 'guestpin3.space', callId: '1893', callLegProfile: LAB.callLegProfiles.guest, callProfile: LAB.callProfiles.passcodeTimeout });
    expect(space.passcode).toBeUndefined();
    expect(await getAccessMethod(spaceId, outcome.refs.accessMethod!)).toMatchObject({
      uri: 'guestpin3.space',
      callId: '8893',
      passcode: '1234',
      callLegProfile: LAB.callLegProfiles.host,
    });
  });

  it('4 members are hosts: owner filled, member with userId and the host profile, same URI and call ID', async () => {
    const wizard = input('members-are-hosts');
    const { plan, outcome } = await runToEnd(wizard);
    expect(plan.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /coSpaces',
      'POST /coSpaces/{space}/accessMethods',
      'PUT /coSpaces/{space}',
      'POST /coSpaces/{space}/coSpaceUsers',
    ]);
    expect(plan.requests[2]!.form).toEqual({ ownerJid: 'user1@evacanoalone.net' });
    const spaceId = outcome.refs.space!;
    expect(await getSpace(spaceId)).toMatchObject({
      uri: 'global2',
      callId: '12342',
      nonMemberAccess: true,
      ownerJid: 'user1@evacanoalone.net',
      ownerId: LAB.users.user1,
      callLegProfile: LAB.callLegProfiles.guest,
    });
    expect(await getAccessMethod(spaceId, outcome.refs.accessMethod!)).toMatchObject({
      uri: 'global2',
      callId: '12342',
      passcode: '12345',
      callLegProfile: LAB.callLegProfiles.host,
    });
    const member = await getSpaceMember(spaceId, outcome.refs['member:user1@evacanoalone.net']!);
    expect(member).toMatchObject({
      userId: LAB.users.user1,
      userJid: 'user1@evacanoalone.net',
      callLegProfile: LAB.callLegProfiles.host,
      canDestroy: true,
      canAddRemoveMember: true,
      canChangeName: true,
      canChangeUri: false,
      canChangeCallId: false,
      canChangePasscode: true,
      canPostMessage: true,
      canDeleteAllMessages: false,
      canRemoveSelf: false,
      canChangeNonMemberAccessAllowed: true,
    });
  });

  it('verify reads every object back with its XML and the join instructions', async () => {
    const wizard = input('members-are-hosts');
    const { plan, outcome } = await runToEnd(wizard);
    const verification = await verifyWizard(wizard, { ...plan.ids, ...outcome.refs }, undefined, { domain: 'cms.lab' });
    expect(verification.mismatches).toEqual([]);
    expect(verification.objects.map((o) => o.key)).toEqual(['space', 'accessMethod', 'guestProfile', 'hostProfile', 'member:user1@evacanoalone.net']);
    const space = verification.objects[0]!;
    expect(space.xml).toContain('<uri>global2</uri>');
    expect(space.value).toMatchObject({ ownerId: LAB.users.user1 });
    expect(verification.objects[1]!.xml).toContain('<passcode>12345</passcode>');
    expect(verification.joinCards.find((c) => c.role === 'host')!.lines).toContain('Or dial global2@cms.lab and enter PIN 12345.');

    // Also without refs: everything is looked up from the input.
    const lookedUp = await verifyWizard(wizard, {});
    expect(lookedUp.mismatches).toEqual([]);
    expect(lookedUp.objects).toHaveLength(5);
  });
});

describe('profiles the wizard creates', () => {
  it('creates a profile with the guide settings plus only the advanced ones set, then reuses it', async () => {
    const wizard = input('different-uris', (v) => {
      v.profiles.guest = {
        mode: 'create',
        settings: { needsActivation: true, defaultLayout: 'allEqual', rxAudioMute: true, deactivationMode: 'disconnect', deactivationModeTime: 30 },
        advanced: { muteSelfAllowed: false, participantCounter: 'never' },
      };
    });
    const { plan, outcome } = await runToEnd(wizard);
    expect(plan.requests[0]).toMatchObject({
      key: 'guestProfile',
      method: 'POST',
      path: '/callLegProfiles',
      creates: 'guestProfile',
      form: {
        needsActivation: 'true',
        defaultLayout: 'allEqual',
        rxAudioMute: 'true',
        deactivationMode: 'disconnect',
        deactivationModeTime: '30',
        muteSelfAllowed: 'false',
        participantCounter: 'never',
      },
    });
    expect(Object.keys(plan.requests[0]!.form)).toHaveLength(7);
    expect(plan.requests[1]!.form.callLegProfile).toBe('{guestProfile}');
    expect((await getSpace(outcome.refs.space!)).callLegProfile).toBe(outcome.refs.guestProfile);
  });
});

describe('an existing space', () => {
  const guestPinSpace = (change?: (v: WizardValues<'same-uri-two-pins'>) => void) =>
    input('same-uri-two-pins', (v) => {
      v.profiles.guest = { mode: 'existing', id: LAB.callLegProfiles.guest };
      v.profiles.host = { mode: 'existing', id: LAB.callLegProfiles.host };
      v.space = { mode: 'existing', id: LAB.coSpaces.guestPin, name: 'Guest/Host PIN', uri: 'guestpin.space', callId: '189', passcode: '789' };
      v.access = { uri: 'guestpin.space', callId: '889', passcode: '1234' };
      change?.(v);
    });

  it('is changed with only the fields that differ (the guide\'s scenario 3 space turned into scenario 2)', async () => {
    const wizard = guestPinSpace();
    const { current, issues, plan } = await prepare(wizard);
    expect(current.space?.space.name).toBe('Guest/Host PIN');
    expect(issues).toEqual([]);
    expect(plan.requests).toEqual([
      {
        key: 'space',
        title: expect.any(String),
        method: 'PUT',
        path: `/coSpaces/${LAB.coSpaces.guestPin}`,
        form: { passcode: '789' },
        restore: { passcode: '' },
        sensitive: ['passcode'],
      },
    ]);
    await applyPlan(plan, RUN);
    const space = await getSpace(LAB.coSpaces.guestPin);
    // Nothing else moved: the callProfile stays, as does the access method.
    expect(space).toMatchObject({ passcode: '789', callProfile: LAB.callProfiles.passcodeTimeout, callLegProfile: LAB.callLegProfiles.guest });
    expect((await prepare(wizard)).plan.requests).toEqual([]);
  });

  it('changes the host access method with the same URI and call ID in place', async () => {
    const wizard = guestPinSpace((v) => {
      v.access.passcode = '4321';
    });
    const { plan } = await prepare(wizard);
    expect(plan.requests.map((r) => [r.method, r.path, r.form, r.restore])).toEqual([
      ['PUT', `/coSpaces/${LAB.coSpaces.guestPin}`, { passcode: '789' }, { passcode: '' }],
      ['PUT', `/coSpaces/${LAB.coSpaces.guestPin}/accessMethods/${LAB.accessMethods.guestPinHost}`, { passcode: '4321' }, { passcode: '1234' }],
    ]);
  });

  it('with a member already there plans nothing for it (the guide\'s Global space)', async () => {
    const wizard = input('members-are-hosts', (v) => {
      v.profiles.guest = { mode: 'existing', id: LAB.callLegProfiles.guest4 };
      v.profiles.host = { mode: 'existing', id: LAB.callLegProfiles.host4 };
      v.space = {
        mode: 'existing',
        id: LAB.coSpaces.global,
        name: 'Global',
        uri: 'global',
        callId: '1234',
        passcode: '',
        nonMemberAccess: true,
        ownerJid: 'user1@evacanoalone.net',
      };
      v.access = { uri: 'global', callId: '1234', passcode: '12345' };
    });
    const { issues, plan } = await prepare(wizard);
    expect(issues).toEqual([]);
    expect(plan.requests).toEqual([]);
    expect(plan.ids).toMatchObject({ space: LAB.coSpaces.global, accessMethod: LAB.accessMethods.globalHost, 'member:user1@evacanoalone.net': LAB.coSpaceUsers.globalUser1 });
  });
});

describe('a write failing midway', () => {
  it('stops, and rollback leaves CMS exactly as before (created objects deleted)', async () => {
    const wizard = input('members-are-hosts', (v) => {
      v.profiles.guest = { mode: 'create', settings: { needsActivation: true, defaultLayout: 'allEqual' }, advanced: {} };
    });
    const before = await snapshotCms();
    const { plan } = await prepare(wizard);
    expect(plan.requests.map((r) => r.key)).toEqual(['guestProfile', 'space', 'accessMethod', 'ownerJid', 'member:user1@evacanoalone.net']);

    // A 4xx: CMS refused it and changed nothing (a 5xx would be settled by a read and sent again).
    mock.faults.failWrite = { nth: 3, status: 400, code: 'databaseNotReady' };
    const events: string[] = [];
    const outcome = await applyPlan(plan, RUN, { onProgress: (e) => events.push(`${e.key}:${e.status}`) });
    expect(outcome.ok).toBe(false);
    expect(outcome.failed?.request.key).toBe('accessMethod');
    expect(outcome.failed?.error?.failures).toEqual([{ code: 'databaseNotReady' }]);
    expect(outcome.done.map((d) => d.request.key)).toEqual(['guestProfile', 'space']);
    expect(outcome.failed?.request.path).toBe(`/coSpaces/${outcome.refs.space}/accessMethods`);
    expect(events).toEqual(['guestProfile:sending', 'guestProfile:applied', 'space:sending', 'space:applied', 'accessMethod:sending', 'accessMethod:refused']);

    const { report } = await rollback(outcome);
    expect(report).toMatchObject({ verified: true, differences: [], problems: [] });
    expect(report.items.map((i) => [i.key, i.result])).toEqual([
      ['guestProfile', 'deleted'],
      ['space', 'deleted'],
    ]);
    expect(await snapshotCms()).toEqual(before);
  });

  it('rollback puts back the previous values of what it changed, and only those', async () => {
    // Scenario 1 on a new space with the guest profile on the system profiles: a PUT to restore.
    const wizard = input('different-uris', (v) => {
      v.profiles.guestScope = 'system';
    });
    const before = await snapshotCms();
    const { current, issues, plan } = await prepare(wizard);
    expect(current.reach.system.spaces).toBe((await listAllSpaces()).total);
    expect(issues).toEqual([]);
    expect(plan.requests.map((r) => [r.key, r.method, r.path, r.form, r.restore])).toEqual([
      ['scope', 'PUT', '/system/profiles', { callLegProfile: LAB.callLegProfiles.guest }, { callLegProfile: LAB.callLegProfiles.global }],
      ['space', 'POST', '/coSpaces', { name: 'Guest.space 2', uri: 'guest2.space', callId: '628821816' }, undefined],
      ['accessMethod', 'POST', '/coSpaces/{space}/accessMethods', { uri: 'host2.space', callId: '8882', callLegProfile: LAB.callLegProfiles.host }, undefined],
    ]);
    mock.faults.failWrite = { nth: 3, status: 400, code: 'databaseNotReady' };
    const outcome = await applyPlan(plan, RUN);
    expect((await getSystemProfiles()).callLegProfile).toBe(LAB.callLegProfiles.guest);
    const { report } = await rollback(outcome);
    expect(report.verified).toBe(true);
    expect(await snapshotCms()).toEqual(before);
  });

  it('rollback of an existing space restores the fields it sent', async () => {
    const wizard = input('same-uri-two-pins', (v) => {
      v.profiles.guest = { mode: 'existing', id: LAB.callLegProfiles.guest };
      v.profiles.host = { mode: 'existing', id: LAB.callLegProfiles.host };
      v.space = { mode: 'existing', id: LAB.coSpaces.guestPin, name: 'Guest/Host PIN', uri: 'guestpin.space', callId: '1890', passcode: '789' };
      v.access = { uri: 'guestpin.space', callId: '8890', passcode: '4321' };
    });
    const before = await snapshotCms();
    const { issues, plan } = await prepare(wizard);
    expect(issues).toEqual([]);
    mock.faults.failWrite = { nth: 2, status: 400, code: 'databaseNotReady' };
    const outcome = await applyPlan(plan, RUN);
    expect(outcome.done.map((d) => [d.request.form, d.request.restore])).toEqual([[{ callId: '1890', passcode: '789' }, { callId: '189', passcode: '' }]]);
    const { report } = await rollback(outcome);
    expect(report).toMatchObject({ verified: true, differences: [], problems: [] });
    expect(report.items.map((i) => [i.key, i.result])).toEqual([['space', 'restored']]);
    expect(await snapshotCms()).toEqual(before);
  });
});

describe('pre-flight against CMS, before any write', () => {
  it('catches a URI another space uses, and one an access method of another space uses, writing nothing', async () => {
    const wizard = input('different-uris', (v) => {
      v.space.uri = 'Guest.Space@cms.steven.lab';
      v.access.uri = 'host.space';
    });
    expect(wizard.space.uri).toBe('Guest.Space');
    const { issues } = await prepare(wizard);
    expect(issues).toEqual([
      { field: 'space.uri', message: expect.stringContaining('The URI "Guest.Space" is already the URI of the space "Guest.space"') },
      { field: 'access.uri', message: expect.stringContaining('The URI "host.space" is already used by an access method of the space "Guest.space"') },
    ]);
    expect(writes()).toEqual([]);
  });

  it('checks URIs and call IDs with uriUsageQuery/accessQuery, never a read per space, and is not skipped above 500 spaces', async () => {
    for (let i = 0; i < 600; i++) mock.store.insert('coSpace', { name: `filler ${i}`, uri: `filler.${i}`, autoGenerated: false });
    const other = mock.store.insert('coSpace', { name: 'Far away', uri: 'far.away', autoGenerated: false });
    mock.store.insert('accessMethod', { uri: 'taken.host', callId: '777001', passcode: '' }, { parent: other.id });
    exchanges.length = 0;
    const { issues } = await prepare(
      input('different-uris', (v) => {
        v.access.uri = 'taken.host';
        v.access.callId = '777001';
      }),
    );
    expect(issues).toEqual([
      { field: 'access.uri', message: `The URI "taken.host" is already used by an access method of the space "Far away" (${other.id}). A URI can lead to one space only; choose another.` },
      { field: 'access.callId', message: 'The call ID 777001 is already used by an access method of another space. A call ID can lead to one space only; choose another.' },
    ]);
    expect(exchanges.filter((e) => /\/accessMethods$/.test(e.path))).toEqual([]);
    expect(exchanges.length).toBeLessThan(40);
  });

  it('catches a PIN shorter than the dial-in security profile in force allows (tenant Acme: 4 digits), on its field', async () => {
    const wizard = input('same-uri-two-pins', (v) => {
      v.profiles.guestScope = 'tenant';
      v.profiles.tenantId = LAB.tenants.acme;
      v.profiles.guest = { mode: 'existing', id: LAB.callLegProfiles.tenantGuest };
      v.space.passcode = '789';
      v.access.passcode = '12';
    });
    const { issues } = await prepare(wizard);
    const pins = issues.filter((i) => i.field.endsWith('passcode'));
    expect(pins).toEqual([
      {
        field: 'space.passcode',
        message:
          "The guest PIN 789 has 3 digits, but CMS requires at least 4 here (dial-in security profile “PINs of 4 digits or more”, set on the space's tenant). Choose a PIN of 4 digits or more.",
      },
      { field: 'access.passcode', message: expect.stringContaining('The host PIN 12 has 2 digits, but CMS requires at least 4 here') },
    ]);
    expect(writes()).toEqual([]);
  });

  it('catches a call ID another space uses', async () => {
    const { issues } = await prepare(input('different-uris', (v) => void (v.space.callId = '628821815')));
    expect(issues).toEqual([{ field: 'space.callId', message: expect.stringContaining('The call ID 628821815 is already used by the space "Guest.space"') }]);
    expect(writes()).toEqual([]);
  });

  it('catches a URI + PIN the space\'s own access methods already answer', async () => {
    const wizard = input('same-uri-two-pins', (v) => {
      v.profiles.guest = { mode: 'existing', id: LAB.callLegProfiles.guest };
      v.profiles.host = { mode: 'existing', id: LAB.callLegProfiles.host };
      v.space = { mode: 'existing', id: LAB.coSpaces.guestPin, name: 'Guest/Host PIN', uri: 'guestpin.space', callId: '189', passcode: '1234' };
      v.access = { uri: 'guestpin.space', callId: '8890', passcode: '5678' };
    });
    const { issues } = await prepare(wizard);
    expect(issues).toEqual([
      {
        field: 'space.passcode',
        message: `Access method ${LAB.accessMethods.guestPinHost} of this space already answers URI "guestpin.space" with PIN 1234; the space's guest PIN must differ from it.`,
      },
    ]);
  });

  it('catches guests and hosts reaching one URI with the same PIN (through the space\'s secondary URI)', async () => {
    await updateSpace(LAB.coSpaces.coolBridge, { secondaryUri: 'cool.host' });
    exchanges = [];
    const wizard = input('different-uris', (v) => {
      v.profiles.guest = { mode: 'existing', id: LAB.callLegProfiles.guest };
      v.profiles.host = { mode: 'existing', id: LAB.callLegProfiles.host };
      v.space = { mode: 'existing', id: LAB.coSpaces.coolBridge, name: 'Cool Bridge Space', uri: 'cool.bridge.space', callId: '497540167', passcode: '' };
      v.access = { uri: 'cool.host', callId: '4975', passcode: '' };
    });
    const { issues } = await prepare(wizard);
    expect(issues).toEqual([
      {
        field: 'access.passcode',
        message: 'Guests and hosts would both reach URI "cool.host" with no PIN: CMS could not tell them apart. Give hosts a different PIN.',
      },
    ]);
    expect(writes()).toEqual([]);
  });

  it('catches a host path that still resolves to needsActivation=true through the tenant', async () => {
    // Acme lobby is in tenant Acme, whose guest profile sets needsActivation=true; the TMS profile leaves it unset.
    const wizard = input('different-uris', (v) => {
      v.profiles.guestScope = 'tenant';
      v.profiles.tenantId = LAB.tenants.acme;
      v.profiles.guest = { mode: 'existing', id: LAB.callLegProfiles.tenantGuest };
      v.profiles.host = { mode: 'existing', id: LAB.callLegProfiles.tms };
      v.space = { mode: 'existing', id: LAB.coSpaces.tenantLobby, name: 'Acme lobby', uri: 'acme.lobby', callId: '5001', passcode: '' };
      v.access = { uri: 'acme.host', callId: '5003', passcode: '' };
    });
    const { issues } = await prepare(wizard);
    expect(issues).toEqual([
      {
        field: 'profiles.host',
        message: `Hosts would still wait in the lobby: the host profile (profile ${LAB.callLegProfiles.tms}) leaves needsActivation unset, so the tenant level's profile ${LAB.callLegProfiles.tenantGuest} sets it to true. Pick or create a host profile that sets needsActivation to false.`,
      },
    ]);
  });

  it('catches a host profile that itself needs activation, and a guest path that would not', async () => {
    const wizard = input('different-uris', (v) => {
      v.profiles.guest = { mode: 'existing', id: LAB.callLegProfiles.host };
      v.profiles.host = { mode: 'existing', id: LAB.callLegProfiles.guest };
    });
    const { issues } = await prepare(wizard);
    expect(issues.map((i) => i.field)).toEqual(['profiles.host', 'profiles.guest']);
    expect(issues[0]!.message).toContain('sets needsActivation to true');
  });

  it('tenant scope: reach, a space outside the tenant, and a space with its own profile', async () => {
    const wizard = input('different-uris', (v) => {
      v.profiles.guestScope = 'tenant';
      v.profiles.tenantId = LAB.tenants.acme;
      v.profiles.guest = { mode: 'existing', id: LAB.callLegProfiles.guest4 };
      v.space = { mode: 'existing', id: LAB.coSpaces.guest, name: 'Guest.space', uri: 'guest.space', callId: '628821815', passcode: '' };
      v.access = { uri: 'host.space', callId: '888', passcode: '' };
    });
    const { current, issues } = await prepare(wizard);
    expect(current.reach.tenant).toEqual({ tenantId: LAB.tenants.acme, spaces: 1 });
    expect(issues.map((i) => i.field).sort()).toEqual(['profiles.guestScope', 'profiles.tenantId']);
  });

  it('scenario 4: users CMS does not know', async () => {
    const wizard = input('members-are-hosts', (v) => {
      v.space.ownerJid = 'nobody@evacanoalone.net';
      v.members.push({ userJid: 'ghost@evacanoalone.net', permissions: {} });
    });
    const { issues } = await prepare(wizard);
    expect(issues.map((i) => i.field)).toEqual(['space.ownerJid', 'members.1.userJid']);
  });

  it('reports objects picked that CMS no longer has', async () => {
    const wizard = input('different-uris', (v) => {
      v.space = { mode: 'existing', id: '00000000-0000-4000-8000-000000000000', name: 'x', uri: 'x', callId: '1', passcode: '' };
    });
    const { current, issues } = await prepare(wizard);
    expect(current.missing).toEqual(['space']);
    expect(issues).toEqual([{ field: 'space.id', message: 'The space picked no longer exists on CMS; pick another.' }]);
  });
});

describe('CMS failures that still come back land on the right field', () => {
  it('maps duplicateCoSpaceUri on the access method to access.uri, and on the space to space.uri', async () => {
    const wizard = input('different-uris', (v) => {
      v.access.uri = 'host.space';
    });
    const { plan } = await prepare(wizard);
    const outcome = await applyPlan(plan, RUN); // pre-flight skipped on purpose
    expect(outcome.failed?.error?.failures).toEqual([{ code: 'duplicateCoSpaceUri' }]);
    expect(failureIssues(wizard, outcome.failed!.request, outcome.failed!.error!)).toEqual([{ field: 'access.uri', message: expect.any(String) }]);
    await rollback(outcome);

    const dup = input('different-uris', (v) => void (v.space.callId = '628821815'));
    const failed = await applyPlan(planWizard(dup, await readCurrentState(dup)), RUN);
    expect(failed.failed?.error?.failures).toEqual([{ code: 'duplicateCoSpaceId' }]);
    expect(failureIssues(dup, failed.failed!.request, failed.failed!.error!).map((i) => i.field)).toEqual(['space.callId']);
  });

  it('maps userDoesNotExist on a member to its userJid', async () => {
    const wizard = input('members-are-hosts', (v) => {
      v.members = [{ userJid: 'ghost@evacanoalone.net', permissions: {} }];
    });
    const outcome = await applyPlan(planWizard(wizard, await readCurrentState(wizard)), RUN);
    expect(outcome.failed?.request.key).toBe('member:ghost@evacanoalone.net');
    expect(failureIssues(wizard, outcome.failed!.request, outcome.failed!.error!).map((i) => i.field)).toEqual(['members.0.userJid']);
    await rollback(outcome);
  });
});
