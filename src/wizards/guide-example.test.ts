import { describe, expect, it } from 'vitest';
import { WIZARD_SCENARIOS } from '../lib/wizard-links';
import { exampleFill, examplePlaceholder } from './guide-example';
import { blankValues, guideExample, newMember, wizardSchemas } from '../domain/space-planning/wizard-schema';

describe('a new wizard', () => {
  it.each(WIZARD_SCENARIOS)('%s starts with none of the guide’s example data, only its recommended settings', (scenario) => {
    const blank = blankValues(scenario);
    const text = JSON.stringify(blank);
    for (const example of ['user1', 'evacanoalone', 'guestpin', 'global2', 'guest2', 'host2', '889', '1234', '789']) expect(text).not.toContain(example);
    expect(blank.profiles.guest).toMatchObject({ mode: 'create', settings: { needsActivation: true } });
    expect(blank.space).toMatchObject({ mode: 'create', name: '', uri: '', callId: '', passcode: '' });
    expect(blank.access).toEqual({ id: '', uri: '', callId: '', passcode: '' });
    // Blank is not valid: the admin must give the space its data.
    expect(wizardSchemas[scenario].safeParse(blank).success).toBe(false);
  });

  it('scenario 4 lists no member and leaves non-member access at CMS’s default', () => {
    const blank = blankValues('members-are-hosts');
    expect(blank.members).toEqual([]);
    expect(blank.space).toMatchObject({ nonMemberAccess: true, ownerJid: '' });
  });
});

describe('the guide’s example as placeholders', () => {
  it('shows each example value as “e.g.”, and nothing where the guide leaves the field empty', () => {
    expect(examplePlaceholder('same-uri-two-pins', 'access.callId')).toBe('e.g. 889');
    expect(examplePlaceholder('same-uri-two-pins', 'space.passcode')).toBe('e.g. 789');
    expect(examplePlaceholder('members-are-hosts', 'space.ownerJid')).toBe('e.g. user1@evacanoalone.net');
    expect(examplePlaceholder('members-are-hosts', 'members.0.userJid')).toBe('e.g. user1@evacanoalone.net');
    expect(examplePlaceholder('members-are-hosts', 'members.1.userJid')).toBeUndefined();
    expect(examplePlaceholder('different-uris', 'space.passcode')).toBeUndefined();
    expect(examplePlaceholder('different-uris', 'profiles.guest.advanced.muteSelfAllowed')).toBeUndefined();
  });
});

describe('filling in the guide’s example', () => {
  it('fills every empty field, which makes a valid wizard', () => {
    for (const scenario of WIZARD_SCENARIOS) {
      const values = blankValues(scenario);
      const { fields, members } = exampleFill(scenario, values);
      for (const { path, value } of fields) {
        const [group, name] = path.split('.') as ['space' | 'access', string];
        Object.assign(values[group], { [name]: value });
      }
      if (members && values.scenario === 'members-are-hosts') values.members = members;
      expect(wizardSchemas[scenario].safeParse(values).success, scenario).toBe(true);
      expect(values.space).toMatchObject({ uri: guideExample(scenario).space.uri });
    }
  });

  it('never replaces what the admin typed, nor members they listed', () => {
    const values = blankValues('members-are-hosts');
    values.space.uri = 'mine';
    values.members = [newMember('stejanss.movi@steven.lab')];
    const fill = exampleFill('members-are-hosts', values);
    expect(fill.fields.map((f) => f.path)).not.toContain('space.uri');
    expect(fill.fields.map((f) => f.path)).toContain('access.passcode');
    expect(fill.members).toBeUndefined();
  });
});
