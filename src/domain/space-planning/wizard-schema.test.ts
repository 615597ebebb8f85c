import { describe, expect, it } from 'vitest';
import { WIZARD_SCENARIOS } from '../../lib/wizard-links';
import {
  guideExample,
  GUIDE_MEMBER_PERMISSIONS,
  newMember,
  normalizeUri,
  stepFields,
  stepsFor,
  wizardSchemas,
  type WizardValues,
} from './wizard-schema';

function issues<S extends (typeof WIZARD_SCENARIOS)[number]>(scenario: S, change: (values: WizardValues<S>) => void) {
  const values = structuredClone(guideExample(scenario));
  change(values);
  const result = wizardSchemas[scenario].safeParse(values);
  return result.success ? [] : result.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message }));
}

describe('normalizeUri', () => {
  it('keeps a URI user part as it is', () => {
    expect(normalizeUri(' guest.space ')).toEqual({ uri: 'guest.space' });
  });
  it('splits a typed user@domain, drops the domain and says so', () => {
    const { uri, note } = normalizeUri('guest.space@cms.steven.lab');
    expect(uri).toBe('guest.space');
    expect(note).toContain('"cms.steven.lab" was dropped');
    expect(note).toContain('(using "guest.space")');
  });
  it('drops sip: too', () => {
    expect(normalizeUri('sip:host.space@example.com').uri).toBe('host.space');
    expect(normalizeUri('sips:host.space').note).toContain('"sips:" was removed');
  });
});

describe('the per-scenario wizard schemas', () => {
  it.each(WIZARD_SCENARIOS)('%s: the default values are valid', (scenario) => {
    expect(wizardSchemas[scenario].safeParse(guideExample(scenario)).success).toBe(true);
  });

  it('uses the guide values named in the brief for scenario 2', () => {
    const values = guideExample('same-uri-two-pins');
    expect(values.space).toMatchObject({ uri: 'guestpin2.space', passcode: '789' });
    expect(values.access).toEqual({ uri: 'guestpin2.space', callId: '889', passcode: '1234' });
  });

  it('normalises URIs through the schema', () => {
    const values = structuredClone(guideExample('different-uris'));
    values.space.uri = 'Guest2.Space@example.com';
    const parsed = wizardSchemas['different-uris'].parse(values);
    expect(parsed.space.uri).toBe('Guest2.Space');
  });

  it('checks URI user parts, call IDs and PINs field by field', () => {
    expect(
      issues('different-uris', (v) => {
        v.space.uri = 'guest space';
        v.space.callId = '12a';
        v.space.passcode = '12 34';
        v.access.callId = '';
        v.space.name = ' ';
      }),
    ).toEqual([
      { field: 'space.name', message: 'Enter a name for the space.' },
      { field: 'space.uri', message: 'The space URI cannot contain spaces or any of : ; < > " (only the part before "@").' },
      { field: 'space.callId', message: 'The space call ID can contain digits only.' },
      { field: 'space.passcode', message: 'The guest PIN can contain digits only.' },
      { field: 'access.callId', message: 'Enter the host call ID (digits only).' },
    ]);
  });

  it('1: hosts need their own URI and call ID', () => {
    expect(
      issues('different-uris', (v) => {
        v.access.uri = 'GUEST2.space';
        v.access.callId = v.space.callId;
      }).map((i) => i.field),
    ).toEqual(['access.uri', 'access.callId']);
  });

  it('2: same URI, another call ID, two different non-empty PINs', () => {
    expect(
      issues('same-uri-two-pins', (v) => {
        v.access.uri = 'other.space';
        v.access.callId = v.space.callId;
        v.space.passcode = '';
        v.access.passcode = '';
      }).map((i) => i.field),
    ).toEqual(['access.uri', 'access.callId', 'space.passcode', 'access.passcode']);
    expect(
      issues('same-uri-two-pins', (v) => {
        v.access.passcode = v.space.passcode;
      }),
    ).toEqual([{ field: 'access.passcode', message: 'The host PIN must differ from the guest PIN (both are 789).' }]);
  });

  it('3: blank guest PIN, host PIN required, a call profile with a timeout in range', () => {
    expect(
      issues('blank-guest-pin', (v) => {
        v.space.passcode = '789';
        v.access.passcode = '';
      }).map((i) => i.field),
    ).toEqual(['space.passcode', 'access.passcode']);
    for (const passcodeTimeout of [0, 601, 2.5]) {
      expect(issues('blank-guest-pin', (v) => void (v.callProfile = { mode: 'create', passcodeMode: 'timeout', passcodeTimeout })).map((i) => i.field)).toEqual([
        'callProfile.passcodeTimeout',
      ]);
    }
    expect(issues('blank-guest-pin', (v) => void (v.callProfile = { mode: 'create', passcodeMode: 'timeout' }))).toEqual([
      { field: 'callProfile.passcodeTimeout', message: 'Enter after how many seconds (1–600) no entry counts as a blank PIN.' },
    ]);
    expect(issues('blank-guest-pin', (v) => void (v.callProfile = { mode: 'create', passcodeMode: 'required' }))).toEqual([]);
    expect(issues('blank-guest-pin', (v) => void (v.callProfile = { mode: 'existing', id: 'nope' })).map((i) => i.field)).toEqual(['callProfile.id']);
  });

  it('4: same URI and call ID as the space, a host PIN, an owner, distinct members', () => {
    expect(
      issues('members-are-hosts', (v) => {
        v.access.callId = '1';
        v.access.passcode = '';
        v.space.ownerJid = '';
        v.members.push(newMember('USER1@evacanoalone.net'));
      }).map((i) => i.field),
    ).toEqual(['members.1.userJid', 'access.callId', 'access.passcode', 'space.ownerJid']);
  });

  it('runs the scenario rules even while another step is still invalid', () => {
    expect(
      issues('same-uri-two-pins', (v) => {
        v.space.name = '';
        v.access.passcode = '789';
      }).map((i) => i.field),
    ).toEqual(['space.name', 'access.passcode']);
  });

  it('member permissions default to the guide values', () => {
    const values = structuredClone(guideExample('members-are-hosts'));
    values.members = [{ userJid: 'user1@evacanoalone.net', permissions: {} }];
    expect(wizardSchemas['members-are-hosts'].parse(values).members[0]?.permissions).toEqual(GUIDE_MEMBER_PERMISSIONS);
  });

  it('profiles: fixed needsActivation per role, typed advanced settings, tenant scope needs a tenant', () => {
    expect(
      issues('different-uris', (v) => {
        v.profiles.guest = { mode: 'create', settings: { needsActivation: false as unknown as true }, advanced: {} };
      }).map((i) => i.field),
    ).toEqual(['profiles.guest.settings.needsActivation']);
    expect(
      issues('different-uris', (v) => {
        v.profiles.host = { mode: 'create', settings: { needsActivation: false }, advanced: { joinToneParticipantThreshold: 101, qualityMain: 'max720p30' } };
      }),
    ).toEqual([{ field: 'profiles.host.advanced.joinToneParticipantThreshold', message: 'joinToneParticipantThreshold must be 100 or less.' }]);
    expect(
      issues('different-uris', (v) => {
        v.profiles.host = { mode: 'create', settings: { needsActivation: false }, advanced: { needsActivation: true } as never };
      }).map((i) => i.field),
    ).toEqual(['profiles.host.advanced']);
    expect(issues('different-uris', (v) => void (v.profiles.guestScope = 'tenant'))).toEqual([
      { field: 'profiles.tenantId', message: 'Choose the tenant the guest profile is attached to.' },
    ]);
  });
});

describe('steps', () => {
  it('lists the steps of each scenario, review last', () => {
    expect(stepsFor('different-uris')).toEqual(['profiles', 'space', 'access', 'review']);
    expect(stepsFor('blank-guest-pin')).toEqual(['profiles', 'space', 'call-profile', 'access', 'review']);
    expect(stepsFor('members-are-hosts')).toEqual(['profiles', 'space', 'access', 'members', 'review']);
  });
  it('names the fields each step triggers', () => {
    expect(stepFields('blank-guest-pin')).toEqual({ profiles: ['profiles'], space: ['space'], 'call-profile': ['callProfile'], access: ['access'] });
    expect(stepFields('members-are-hosts').members).toEqual(['members']);
    expect(stepFields('same-uri-two-pins').members).toBeUndefined();
  });
});
