import { describe, expect, it } from 'vitest';
import { WIZARD_SCENARIOS } from '../lib/wizard-links';
import { openQuestions, recommend, SCENARIO_GUIDES, scenarioGuide } from './scenario-guide';

describe('the first screen’s guide', () => {
  it('explains every scenario, with who dials what', () => {
    expect(SCENARIO_GUIDES.map((g) => g.id)).toEqual([...WIZARD_SCENARIOS]);
    for (const guide of SCENARIO_GUIDES) {
      expect(guide.guest.dial).not.toBe('');
      expect(guide.host.pin).not.toBe('');
      expect(guide.webApp).not.toBe('');
    }
    expect(scenarioGuide('blank-guest-pin').caveat).toMatch(/CMS 2\.1.*SIP and IVR.*web app/s);
  });
});

describe('recommend', () => {
  it('needs an answer before it recommends', () => {
    expect(recommend({})).toBeUndefined();
    expect(recommend({ hostsSignIn: 'no' })).toBeUndefined();
    expect(recommend({ hostsSignIn: 'no', differentAddresses: 'no' })).toBeUndefined();
  });

  it('leads each path of answers to its scenario', () => {
    expect(recommend({ hostsSignIn: 'yes' })?.scenario).toBe('members-are-hosts');
    expect(recommend({ hostsSignIn: 'no', differentAddresses: 'yes' })?.scenario).toBe('different-uris');
    expect(recommend({ hostsSignIn: 'no', differentAddresses: 'no', guestsWithoutPin: 'no' })?.scenario).toBe('same-uri-two-pins');
    const blank = recommend({ hostsSignIn: 'no', differentAddresses: 'no', guestsWithoutPin: 'yes' });
    expect(blank?.scenario).toBe('blank-guest-pin');
    expect(blank?.because).toMatch(/2\.1/);
  });
});

describe('openQuestions', () => {
  const keys = (answers: Parameters<typeof openQuestions>[0]) => openQuestions(answers).map((q) => q.key);

  it('asks one question at a time and stops once a scenario fits', () => {
    expect(keys({})).toEqual(['hostsSignIn']);
    expect(keys({ hostsSignIn: 'yes' })).toEqual(['hostsSignIn']);
    expect(keys({ hostsSignIn: 'no' })).toEqual(['hostsSignIn', 'differentAddresses']);
    expect(keys({ hostsSignIn: 'no', differentAddresses: 'yes' })).toEqual(['hostsSignIn', 'differentAddresses']);
    expect(keys({ hostsSignIn: 'no', differentAddresses: 'no' })).toEqual(['hostsSignIn', 'differentAddresses', 'guestsWithoutPin']);
  });

  it('hides later questions when an earlier answer already decides', () => {
    expect(keys({ hostsSignIn: 'yes', differentAddresses: 'no', guestsWithoutPin: 'yes' })).toEqual(['hostsSignIn']);
  });
});
