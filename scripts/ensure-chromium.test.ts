import { describe, expect, it } from 'vitest';
import { chromiumPath, decideChromiumAction, missingMessage, type ChromiumState } from './ensure-chromium-decision';

const base: ChromiumState = { runs: false, isRoot: false, installAttempted: false, customPath: false };

describe('decideChromiumAction', () => {
  it('uses a Chromium that runs, root or not', () => {
    expect(decideChromiumAction({ ...base, runs: true })).toBe('ready');
    expect(decideChromiumAction({ ...base, runs: true, isRoot: true })).toBe('ready');
    expect(decideChromiumAction({ ...base, runs: true, customPath: true })).toBe('ready');
  });

  it('installs with apt-get only as root, and only once', () => {
    expect(decideChromiumAction({ ...base, isRoot: true })).toBe('install');
    expect(decideChromiumAction({ ...base, isRoot: true, installAttempted: true })).toBe('give-up');
  });

  it('gives up without root', () => {
    expect(decideChromiumAction(base)).toBe('give-up');
  });

  it('does not install when CHROMIUM_PATH points elsewhere', () => {
    expect(decideChromiumAction({ ...base, isRoot: true, customPath: true })).toBe('give-up');
  });
});

describe('chromiumPath', () => {
  it('prefers CHROMIUM_PATH and falls back to Debian’s binary', () => {
    expect(chromiumPath({ CHROMIUM_PATH: '/opt/chromium/chrome' })).toBe('/opt/chromium/chrome');
    expect(chromiumPath({})).toBe('/usr/bin/chromium');
    expect(chromiumPath({ CHROMIUM_PATH: '' })).toBe('/usr/bin/chromium');
  });
});

it('prints the exact install command', () => {
  expect(missingMessage).toBe('Chromium is missing. Install it with: apt-get update && apt-get install -y chromium');
});
