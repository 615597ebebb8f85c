import { describe, expect, it } from 'vitest';
import { accessMethodParams } from './access-method';
import { callLegProfileParams } from './call-leg-profile';
import { coSpaceParams } from './co-space';
import { coSpaceUserParams } from './co-space-user';
import { parseFormValue } from './schema';
import { createSchema, paramTextField, valueProblem, writeSchema } from './write-schema';

const issues = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
  result.success ? [] : (result.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

describe('write schemas derived from the parameter tables', () => {
  it('take typed values and "" (unset), as a PUT sends them', () => {
    const put = writeSchema(coSpaceParams);
    const form = { name: 'Lobby', passcode: '', nonMemberAccess: false, panePlacementHighestImportance: 3, callLegProfile: 'D4BFE12D-68CD-41C0-A671-48395EE170AB' };
    expect(put.parse(form)).toEqual(form);
    expect(issues(put.safeParse({ passcode: '12a', nonMemberAccess: 'yes', defaultLayout: 'tiles', numAccessMethods: 1 }))).toEqual([
      'passcode: passcode can contain digits only.',
      'nonMemberAccess: nonMemberAccess must be true or false.',
      'defaultLayout: defaultLayout must be one of: ' + coSpaceParams.defaultLayout.values.join(', ') + '.',
      'numAccessMethods: numAccessMethods is not a parameter CMS takes here.',
    ]);
  });

  it('need the mandatory parameters on POST and refuse the PUT-only ones', () => {
    expect(issues(createSchema(coSpaceUserParams).safeParse({ canDestroy: true }))).toEqual(['userJid: userJid is required.']);
    expect(issues(createSchema(coSpaceParams).safeParse({ name: 'x', regenerateSecret: true }))).toEqual([
      'regenerateSecret: regenerateSecret can only be changed, not sent when creating.',
    ]);
    expect(createSchema(accessMethodParams).parse({ uri: 'host.space', callId: '889', passcode: '1234' })).toBeTruthy();
  });

  it('judge a value exactly as the mock CMS judges its wire text', () => {
    const samples: Array<[keyof typeof coSpaceParams, unknown]> = [
      ['passcode', '1234'],
      ['passcode', '1'.repeat(33)],
      ['callId', '12 3'],
      ['uri', 'guest.space'],
      ['uri', 'a@b'],
      ['uri', 'x'.repeat(255)],
      ['callLegProfile', 'not-an-id'],
      ['name', 'n'.repeat(201)],
    ];
    for (const [name, value] of samples) {
      const def = coSpaceParams[name];
      expect(valueProblem(def, value) === undefined, `${name}=${String(value)}`).toBe(parseFormValue(def, String(value)).ok);
    }
    expect(valueProblem(callLegProfileParams.joinToneParticipantThreshold, 101)).toBe('must be a whole number (0 or more, 100 or less)');
  });
});

describe('paramTextField', () => {
  const pin = paramTextField(accessMethodParams.passcode, { what: 'host PIN' });
  const callId = paramTextField(accessMethodParams.callId, { what: 'host call ID', whenEmpty: 'Enter the host call ID (digits only).' });

  it('trims, allows empty unless told, and says what the table says', () => {
    expect(pin.parse(' 1234 ')).toBe('1234');
    expect(pin.parse('')).toBe('');
    expect(issues(pin.safeParse('12 34'))).toEqual([': The host PIN can contain digits only.']);
    expect(issues(pin.safeParse('1'.repeat(33)))).toEqual([': The host PIN is too long (32 digits at most).']);
    expect(issues(callId.safeParse(''))).toEqual([': Enter the host call ID (digits only).']);
    expect(issues(callId.safeParse(undefined))).toEqual([': Enter the host call ID.']);
  });
});
