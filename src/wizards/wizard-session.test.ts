import { describe, expect, it } from 'vitest';
import { blankValues, GUIDE_GUEST_SETTINGS, guideExample, newMember } from '../domain/space-planning/wizard-schema';
import { restoredForm, storedForm, wizardSessionKey } from './wizard-session';

const SPACE = '22d9f4ca-8b88-4d11-bba9-e2a2f7428c46';
const PROFILE = '7306d2c1-bc15-4dbf-ab4a-1cbdaabd1912';

function typedWizard() {
  const values = guideExample('members-are-hosts');
  values.space = { ...values.space, mode: 'existing', id: SPACE, passcode: '2468' };
  values.access = { ...values.access, id: 'c4ecc16e-945f-4e35-ba03-d9b69107b32c', passcode: '97531' };
  // As the form holds them: a picked profile keeps the create settings beside it; "not set" is undefined.
  values.profiles.host = { ...values.profiles.host, mode: 'existing', id: PROFILE };
  values.profiles.guest = {
    mode: 'create',
    settings: { ...GUIDE_GUEST_SETTINGS, defaultLayout: 'allEqual', rxAudioMute: undefined },
    advanced: { muteSelfAllowed: false },
  };
  values.members = [newMember('user1@evacanoalone.net'), { ...newMember('stejanss.movi@steven.lab'), permissions: { ...newMember().permissions, canDestroy: false } }];
  return values;
}

describe('a wizard kept in the session', () => {
  it('never writes a PIN to the stored text; the PINs stay in memory', () => {
    const { text, pins } = storedForm(typedWizard(), ['space.passcode']);
    expect(text).not.toContain('2468');
    expect(text).not.toContain('97531');
    expect(pins).toEqual({ 'space.passcode': '2468', 'access.passcode': '97531' });
  });

  it('comes back whole, PINs included, while this tab still has them in memory (Back and Forward)', () => {
    const values = typedWizard();
    const { text, pins } = storedForm(values, ['space.name', 'members.1.permissions.canDestroy']);
    const restored = restoredForm('members-are-hosts', text, pins);
    expect(restored?.values).toEqual(values);
    expect(restored?.edited).toEqual(['space.name', 'members.1.permissions.canDestroy']);
    expect(restored?.missingPins).toEqual([]);
  });

  it('after a reload says which PINs to enter again, and holds them empty', () => {
    const { text } = storedForm(typedWizard(), []);
    const restored = restoredForm('members-are-hosts', text, undefined);
    expect(restored?.missingPins).toEqual(['space.passcode', 'access.passcode']);
    expect(restored?.values.space.passcode).toBe('');
    expect(restored?.values.access.passcode).toBe('');
    expect(restored?.values.space).toMatchObject({ mode: 'existing', id: SPACE, uri: 'global2' });
  });

  it('takes only what fits the form: wrong types, unknown fields and another scenario are dropped', () => {
    const tampered = JSON.stringify({
      version: 1,
      values: {
        scenario: 'same-uri-two-pins',
        space: { uri: 42, name: 'Kept', evil: '<script>' },
        access: { callId: '889' },
        profiles: { guest: { settings: { defaultLayout: 'allEqual' }, advanced: { muteSelfAllowed: true, notAParameter: true } } },
        extra: { anything: 1 },
      },
      edited: ['space.name', 'space.evil'],
      pins: [],
    });
    const restored = restoredForm('same-uri-two-pins', tampered, undefined);
    expect(restored?.values.space).toEqual({ ...blankValues('same-uri-two-pins').space, name: 'Kept' });
    expect(restored?.values.access.callId).toBe('889');
    expect(restored?.values.profiles.guest).toMatchObject({ settings: { defaultLayout: 'allEqual' }, advanced: { muteSelfAllowed: true } });
    expect(JSON.stringify(restored?.values)).not.toContain('notAParameter');
    expect(JSON.stringify(restored?.values)).not.toContain('extra');
    expect(restored?.edited).toEqual(['space.name']);
    expect(restoredForm('different-uris', tampered, undefined)).toBeUndefined();
    expect(restoredForm('different-uris', '{not json', undefined)).toBeUndefined();
    expect(restoredForm('different-uris', null, undefined)).toBeUndefined();
  });

  it('is kept per scenario and per space the wizard was opened on', () => {
    expect(wizardSessionKey('blank-guest-pin', undefined)).toBe('cms-access-studio:wizard:blank-guest-pin:new');
    expect(wizardSessionKey('blank-guest-pin', ` ${SPACE.toUpperCase()} `)).toBe(`cms-access-studio:wizard:blank-guest-pin:${SPACE}`);
  });
});
