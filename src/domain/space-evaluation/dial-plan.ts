import { lobbyBehaviour } from '../profile-resolution/join-paths';
import type { JoinPath } from '../profile-resolution/model';
import type { SpaceEvaluation } from './evaluate';

export type DialBy = 'uri' | 'callId';

/** What a caller dials, as typed. */
export interface Dial {
  by: DialBy;
  /** `sip:Guest.Space@example.com`, `guest.space`, `628821815` */
  address: string;
  /** undefined or '': nothing entered; '#': a blank PIN; digits, optionally ended by # */
  pin?: string;
  /** sip: an endpoint through the IVR; webrtc: the web app */
  via: 'sip' | 'webrtc';
}

export type DialPlan =
  | {
      outcome: 'joins';
      path: JoinPath;
      role: 'host' | 'guest';
      /** whether the caller is asked for a PIN before joining */
      prompted: boolean;
      /** what the caller hears or sees before joining */
      entry: string;
      /** what happens once in: lobby or conference */
      lobby: string;
    }
  /** CMS would not let the caller in this way; `field` is what to change */
  | { outcome: 'refused'; field: 'address' | 'pin'; reason: string }
  /** the address is none of this space's: CMS routes it elsewhere, or nowhere */
  | { outcome: 'elsewhere'; reason: string };

/** A URI as CMS matches it (user part, any case, no scheme or domain), or a call ID's digits. */
export function dialledAddress(dial: Pick<Dial, 'by' | 'address'>): string {
  const text = dial.address.trim();
  if (dial.by === 'callId') return text;
  const bare = text.replace(/^sips?:/i, '');
  return (bare.split('@')[0] ?? '').toLowerCase();
}

/** '' (nothing), '#' or '123#' → undefined (nothing entered), '' (blank PIN), '123'. */
function enteredPin(pin: string | undefined): string | undefined {
  const text = (pin ?? '').trim();
  if (text === '') return undefined;
  return text.replace(/#$/, '');
}

function answering(evaluation: SpaceEvaluation, dial: Dial): JoinPath[] {
  const wanted = dialledAddress(dial);
  return evaluation.paths.filter((p) => p.kind !== 'member' && (dial.by === 'uri' ? p.uri?.toLowerCase() === wanted : p.callId === wanted));
}

/** What silence instead of # would have done at the IVR. */
function silenceNote(evaluation: SpaceEvaluation): string {
  const { passcodeMode, passcodeTimeout } = evaluation.callProfile.resolved;
  const from = passcodeMode.scope === 'default' ? '' : ` (from the ${passcodeMode.scope === 'global' ? 'system' : passcodeMode.scope === 'coSpace' ? 'space' : passcodeMode.scope} level)`;
  if (passcodeMode.value === 'timeout') {
    return passcodeTimeout.value === undefined
      ? `With passcodeMode timeout${from}, silence would do the same after a wait CMS documents no default for.`
      : `With passcodeMode timeout${from}, ${passcodeTimeout.value} s of silence would do the same.`;
  }
  if (passcodeMode.value === 'required') return `Silence would not: passcodeMode is required${from}, so # is needed.`;
  return 'Silence would not: no callProfile sets passcodeMode, and we take it as required, so # is needed.';
}

function promptWithoutPin(evaluation: SpaceEvaluation, dial: Dial, blank: JoinPath, where: string): DialPlan | string {
  if (dial.via === 'webrtc') return `The web app asks for the passcode; left blank, it joins without one (passcodeMode applies to SIP calls only).`;
  const { passcodeMode, passcodeTimeout } = evaluation.callProfile.resolved;
  if (passcodeMode.value === 'timeout') {
    const wait = passcodeTimeout.value === undefined ? 'a time CMS documents no default for (passcodeTimeout is set at no level)' : `${passcodeTimeout.value} s`;
    return `The IVR asks for a PIN on ${where}; passcodeMode is timeout, so after ${wait} of silence it takes a blank PIN and joins ${blank.label}.`;
  }
  const mode = passcodeMode.value === 'required' ? 'passcodeMode is required' : 'no callProfile sets passcodeMode, and we take it as required';
  return { outcome: 'refused', field: 'pin', reason: `The IVR keeps waiting for a PIN on ${where}: ${mode}, so a caller without a PIN must press #.` };
}

/**
 * Which way into the space a dial reaches, with which role and which PIN prompt, from the one
 * evaluation: a URI or call ID that only a blank PIN answers lets the caller straight in; where a
 * set PIN answers too (or only a set PIN does), the caller is asked for one, and passcodeMode
 * decides what silence does over SIP.
 */
export function planDial(evaluation: SpaceEvaluation, dial: Dial, hostsInCall = 0): DialPlan {
  const wanted = dialledAddress(dial);
  const where = dial.by === 'uri' ? wanted : `call ID ${wanted}`;
  const name = `“${evaluation.model.space.name ?? evaluation.model.space.id}”`;
  if (wanted === '') return { outcome: 'refused', field: 'address', reason: dial.by === 'uri' ? 'The URI has no user part.' : 'Type the call ID.' };
  const routes = answering(evaluation, dial);
  if (routes.length === 0) return { outcome: 'elsewhere', reason: `No way into ${name} answers ${where}: CMS routes the call to another space, if one has it.` };
  if (evaluation.model.space.nonMemberAccess === false) {
    return { outcome: 'refused', field: 'address', reason: `${name} lets no non-member in (nonMemberAccess is false): only members, signed in to the web app, can join.` };
  }
  const blank = routes.find((p) => (p.passcode ?? '') === '');
  const pin = enteredPin(dial.pin);
  let path: JoinPath | undefined;
  let entry: string;
  if (routes.length === 1 && blank) {
    path = blank;
    entry = `No PIN is asked: only ${blank.label} answers ${where}, without a PIN.`;
  } else if (pin !== undefined && pin !== '') {
    path = routes.find((p) => p.passcode === pin);
    if (!path) return { outcome: 'refused', field: 'pin', reason: `PIN not accepted: no way into ${name} on ${where} has PIN ${pin}.` };
    entry = `A PIN is asked on ${where}; ${pin} is the PIN of ${path.label}.`;
  } else if (!blank) {
    return { outcome: 'refused', field: 'pin', reason: `${name} needs a PIN on ${where}, and none was entered.` };
  } else if (pin === '') {
    path = blank;
    entry = `A PIN is asked on ${where}; # alone is a blank PIN, which joins ${blank.label}.${dial.via === 'sip' ? ` ${silenceNote(evaluation)}` : ''}`;
  } else {
    const outcome = promptWithoutPin(evaluation, dial, blank, where);
    if (typeof outcome !== 'string') return outcome;
    path = blank;
    entry = outcome;
  }
  const lobby = path.role === 'host' ? 'Joins the conference and lets any waiting guests in.' : hostsInCall > 0 ? 'Joins the conference: a host is already in.' : lobbyBehaviour(path).description;
  return { outcome: 'joins', path, role: path.role, prompted: !(routes.length === 1 && blank), entry, lobby };
}

export interface QuickDial {
  key: string;
  label: string;
  by: DialBy;
  address: string;
  /** '#' for a blank PIN where a set PIN shares the address */
  pin: string;
}

/** One entry per way in a caller can dial, with the PIN that reaches it. */
export function quickDials(evaluation: SpaceEvaluation): QuickDial[] {
  const out: QuickDial[] = [];
  for (const path of evaluation.paths) {
    for (const by of ['uri', 'callId'] as const) {
      const address = by === 'uri' ? path.uri : path.callId;
      if (!address) continue;
      const shared = answering(evaluation, { by, address, via: 'sip' }).length > 1;
      const pin = (path.passcode ?? '') === '' ? (shared ? '#' : '') : (path.passcode ?? '');
      const key = `${by}:${address.toLowerCase()}:${pin}`;
      if (out.some((q) => q.key === key)) continue;
      const where = by === 'uri' ? address : `Call ID ${address}`;
      out.push({ key, label: `${where} · ${pin === '#' ? 'blank PIN (#)' : pin ? `PIN ${pin}` : 'no PIN'}`, by, address, pin });
    }
  }
  return out;
}

/** A user signed in to the web app joins: as a member, on the member's own way in. */
export function planSignIn(evaluation: SpaceEvaluation, userJid: string, hostsInCall = 0): DialPlan {
  const jid = userJid.trim().toLowerCase();
  const member = evaluation.model.members.find((m) => m.userJid?.toLowerCase() === jid);
  const path = member && evaluation.paths.find((p) => p.key === `member:${member.id}`);
  if (!path) return { outcome: 'refused', field: 'address', reason: `${userJid} is not a member of “${evaluation.model.space.name ?? evaluation.model.space.id}”.` };
  const lobby = path.role === 'host' ? 'Joins the conference and lets any waiting guests in.' : hostsInCall > 0 ? 'Joins the conference: a host is already in.' : lobbyBehaviour(path).description;
  return { outcome: 'joins', path, role: path.role, prompted: false, entry: 'Signed in to the web app as a member: no call ID or passcode is asked.', lobby };
}
