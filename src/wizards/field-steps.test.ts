import { describe, expect, it } from 'vitest';
import { fieldLabel } from './field-labels';
import { errorPaths, firstStepWith, stepOfField } from './field-steps';

describe('stepOfField', () => {
  it('finds the step that shows a field, per scenario', () => {
    expect(stepOfField('different-uris', 'space.uri')).toBe('space');
    expect(stepOfField('different-uris', 'access.passcode')).toBe('access');
    expect(stepOfField('different-uris', 'profiles.guest.settings.rxAudioMute')).toBe('profiles');
    expect(stepOfField('blank-guest-pin', 'callProfile.passcodeTimeout')).toBe('call-profile');
    expect(stepOfField('members-are-hosts', 'members.1.userJid')).toBe('members');
    expect(stepOfField('different-uris', 'members.0.userJid')).toBeUndefined();
    expect(stepOfField('different-uris', 'spaceship')).toBeUndefined();
  });
});

describe('firstStepWith', () => {
  it('answers the earliest step, in wizard order', () => {
    expect(firstStepWith('members-are-hosts', ['members.0.userJid', 'access.callId', 'space.uri'])).toBe('space');
    expect(firstStepWith('blank-guest-pin', ['access.uri', 'callProfile.id'])).toBe('call-profile');
    expect(firstStepWith('different-uris', [''])).toBeUndefined();
  });
});

describe('errorPaths', () => {
  it('lists the leaves of react-hook-form’s errors', () => {
    const errors = {
      space: { uri: { type: 'custom', message: 'taken', ref: {} }, callId: { type: 'too_small', message: 'enter' } },
      members: [undefined, { userJid: { type: 'custom', message: 'twice' } }],
      profiles: { guest: { type: 'invalid_union', message: 'choose' } },
    };
    expect(errorPaths(errors)).toEqual(['space.uri', 'space.callId', 'members.1.userJid', 'profiles.guest']);
    expect(errorPaths(undefined)).toEqual([]);
  });
});

describe('fieldLabel', () => {
  it('names fields in words', () => {
    expect(fieldLabel('space.uri')).toBe('Space URI');
    expect(fieldLabel('access.passcode')).toBe('Host PIN');
    expect(fieldLabel('members.1.userJid')).toBe('Member 2');
    expect(fieldLabel('members.0.permissions.canDestroy')).toBe('Member 1: canDestroy');
    expect(fieldLabel('profiles.host.advanced.muteOthersAllowed')).toBe('Host profile: muteOthersAllowed');
  });
});
