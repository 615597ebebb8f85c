import { describe, expect, it } from 'vitest';
import { effectivePinRule, pinTooShort } from './pin-length';
import { uriClash } from './uri-holders';

const rules = [
  { id: 'p4', name: 'PINs of 4', minPasscodeLength: 4 },
  { id: 'p6', minPasscodeLength: 6 },
  { id: 'none' },
];

describe('effectivePinRule', () => {
  it('takes the most specific level that names an existing profile', () => {
    expect(effectivePinRule({ accessMethod: 'P6', space: 'p4', system: 'p4' }, rules)).toEqual({ rule: rules[1], level: 'accessMethod' });
    expect(effectivePinRule({ accessMethod: 'gone', tenant: 'p4', system: 'p6' }, rules)).toEqual({ rule: rules[0], level: 'tenant' });
    expect(effectivePinRule({}, rules)).toBeUndefined();
  });
});

describe('pinTooShort', () => {
  const tenant4 = effectivePinRule({ tenant: 'p4' }, rules);
  it('says in plain words why a short PIN would be refused, and where the rule comes from', () => {
    expect(pinTooShort('123', tenant4, 'The guest')).toBe(
      "The guest PIN 123 has 3 digits, but CMS requires at least 4 here (dial-in security profile “PINs of 4”, set on the space's tenant). Choose a PIN of 4 digits or more.",
    );
  });
  it('passes a long enough PIN, no PIN at all, and a profile without a minimum', () => {
    expect(pinTooShort('1234', tenant4, 'The guest')).toBeUndefined();
    expect(pinTooShort('', tenant4, 'The guest')).toBeUndefined();
    expect(pinTooShort('1', effectivePinRule({ system: 'none' }, rules), 'The host')).toBeUndefined();
    expect(pinTooShort('1', undefined, 'The host')).toBeUndefined();
  });
});

describe('uriClash', () => {
  it('names the other space and how it holds the URI; the space itself is no clash', () => {
    expect(uriClash('a', { spaces: [{ spaceId: 'S1', spaceName: 'One', ownUri: true }], ivrIds: [] }, undefined)).toBe(
      'The URI "a" is already the URI of the space "One" (S1). A URI can lead to one space only; choose another.',
    );
    expect(uriClash('a', { spaces: [{ spaceId: 's2', ownUri: false }], ivrIds: [] }, 'x')).toMatch(/used by an access method of the space s2/);
    expect(uriClash('a', { spaces: [{ spaceId: 'S1' }], ivrIds: [] }, 's1')).toBeUndefined();
    expect(uriClash('411', { spaces: [], ivrIds: ['i1'] }, undefined)).toMatch(/IVR i1/);
  });
});
