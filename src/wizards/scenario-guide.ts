import type { WizardScenarioId } from '../lib/wizard-links';

export interface DialInstruction {
  /** what they dial or open */
  dial: string;
  /** the PIN they enter, in words */
  pin: string;
}

export interface ScenarioGuide {
  id: WizardScenarioId;
  title: string;
  summary: string;
  guest: DialInstruction;
  host: DialInstruction;
  /** the web app (WebRTC / Meeting App) in a sentence */
  webApp: string;
  /** version or client limits worth knowing before picking it */
  caveat?: string;
}

/** The four ways of the guide, in the words an admin would use to explain them to a colleague. */
export const SCENARIO_GUIDES: readonly ScenarioGuide[] = [
  {
    id: 'different-uris',
    title: 'Different addresses for guests and hosts',
    summary:
      'The space keeps its own address and call ID for guests. Hosts get a second address and call ID on the same space. Nobody needs a PIN.',
    guest: { dial: 'the space address (e.g. guest.space) or its call ID (e.g. 628821815)', pin: 'no PIN' },
    host: { dial: 'the host address (e.g. host.space) or the host call ID (e.g. 888)', pin: 'no PIN' },
    webApp: 'Guests and hosts type their own call ID in the web app; no sign-in is needed.',
  },
  {
    id: 'same-uri-two-pins',
    title: 'One address, two PINs',
    summary: 'Everyone dials the same address. The PIN they enter decides whether they wait as a guest or start the meeting as a host.',
    guest: { dial: 'the space address (e.g. guestpin.space) or the guest call ID (e.g. 189)', pin: 'the guest PIN (e.g. 789)' },
    host: { dial: 'the same address, or the host call ID (e.g. 889)', pin: 'the host PIN (e.g. 1234)' },
    webApp: 'Web app users type the call ID, then the PIN of their role.',
  },
  {
    id: 'blank-guest-pin',
    title: 'One address, guests without a PIN',
    summary:
      'Everyone dials the same address. Hosts enter their PIN; guests just press # or wait a few seconds, and join the lobby.',
    guest: { dial: 'the space address (e.g. guestpin.space) or the guest call ID (e.g. 189)', pin: 'no PIN: press #, or wait for the timeout' },
    host: { dial: 'the same address, or the host call ID (e.g. 889)', pin: 'the host PIN (e.g. 1234)' },
    webApp: 'Web app guests join by call ID without a PIN; hosts type their call ID and PIN.',
    caveat:
      'Needs CMS 2.1 or later. The call profile’s PIN mode (press # or time out) only changes what SIP and IVR callers hear; the web app does not use it.',
  },
  {
    id: 'members-are-hosts',
    title: 'Hosts sign in to the web app',
    summary:
      'The space has an owner and members. Signed in to the web app, they are hosts. Guests join by call ID. Hosts who are not signed in dial the same address with a host PIN.',
    guest: { dial: 'the space address (e.g. global) or its call ID (e.g. 1234)', pin: 'no PIN (or a guest PIN if you set one)' },
    host: {
      dial: 'the web app, signed in as the owner or a member (e.g. user1@evacanoalone.net), then the space; or the same address / call ID',
      pin: 'none when signed in; the host PIN (e.g. 12345) otherwise',
    },
    webApp: 'Members signed in to the web app join as hosts; everyone else joins as a guest.',
  },
];

export function scenarioGuide(id: WizardScenarioId): ScenarioGuide {
  const guide = SCENARIO_GUIDES.find((g) => g.id === id);
  if (!guide) throw new Error(`unknown wizard scenario ${id}`);
  return guide;
}

export type Answer = 'yes' | 'no';

export interface PickerAnswers {
  hostsSignIn?: Answer;
  differentAddresses?: Answer;
  guestsWithoutPin?: Answer;
}

export interface PickerQuestion {
  key: keyof PickerAnswers;
  question: string;
  hint: string;
}

export const PICKER_QUESTIONS: readonly PickerQuestion[] = [
  {
    key: 'hostsSignIn',
    question: 'Do your hosts sign in to the Meeting Server web app?',
    hint: 'They have user accounts (from LDAP) and can be made owner or members of the space.',
  },
  {
    key: 'differentAddresses',
    question: 'Can guests and hosts dial different addresses?',
    hint: 'Answer no if everyone must dial the same address; the PIN then tells guests from hosts.',
  },
  {
    key: 'guestsWithoutPin',
    question: 'Should guests join without a PIN?',
    hint: 'Hosts still enter a PIN. Guests press # or wait; this needs CMS 2.1 or later and only applies to SIP and IVR callers.',
  },
];

export interface Recommendation {
  scenario: WizardScenarioId;
  because: string;
}

/** The questions still worth asking, in order, given the answers so far. */
export function openQuestions(answers: PickerAnswers): PickerQuestion[] {
  const shown: PickerQuestion[] = [];
  for (const q of PICKER_QUESTIONS) {
    shown.push(q);
    const answer = answers[q.key];
    if (answer === undefined) break;
    if (recommend(answersUpTo(answers, q.key)) !== undefined) break;
  }
  return shown;
}

function answersUpTo(answers: PickerAnswers, upTo: keyof PickerAnswers): PickerAnswers {
  const out: PickerAnswers = {};
  for (const q of PICKER_QUESTIONS) {
    out[q.key] = answers[q.key];
    if (q.key === upTo) break;
  }
  return out;
}

/** The scenario the answers lead to, with the reason in a sentence; undefined until enough is answered. */
export function recommend(answers: PickerAnswers): Recommendation | undefined {
  if (answers.hostsSignIn === 'yes') {
    return { scenario: 'members-are-hosts', because: 'Hosts sign in to the web app, so space membership can make them hosts.' };
  }
  if (answers.hostsSignIn === undefined) return undefined;
  if (answers.differentAddresses === 'yes') {
    return { scenario: 'different-uris', because: 'Guests and hosts can dial different addresses, so no PIN is needed at all.' };
  }
  if (answers.differentAddresses === undefined) return undefined;
  if (answers.guestsWithoutPin === 'yes') {
    return {
      scenario: 'blank-guest-pin',
      because: 'Everyone dials the same address and guests need no PIN: a call profile lets them press # or wait (CMS 2.1 or later, SIP and IVR callers only).',
    };
  }
  if (answers.guestsWithoutPin === 'no') {
    return { scenario: 'same-uri-two-pins', because: 'Everyone dials the same address, so two different PINs tell guests from hosts.' };
  }
  return undefined;
}
