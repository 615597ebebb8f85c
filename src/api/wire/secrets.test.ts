import { describe, expect, it } from 'vitest';
import { isSecretParam, maskParams } from './secrets';

describe('maskParams', () => {
  it('keeps empty secrets visible: an unset is not a secret', () => {
    expect(maskParams({ passcode: '', secret: 'abc', Passcode: '1', passcodeMode: 'timeout' })).toEqual({
      passcode: '',
      secret: '*****',
      Passcode: '*****',
      passcodeMode: 'timeout',
    });
  });

  it('knows every secret name, whatever its case, and nothing else', () => {
    for (const name of ['passcode', 'Secret', 'PASSWORD', 'pin', 'Authorization']) expect(isSecretParam(name)).toBe(true);
    for (const name of ['passcodeMode', 'regenerateSecret', 'name', 'callId']) expect(isSecretParam(name)).toBe(false);
  });
});
