import type { JoinAnswer, SimulationField } from '../../../api/wire/simulation-contract';
import { findRoutes } from '../rules';
import type { Entity } from '../store';
import { join } from './join';
import { dialInBody, parseBody, Refusal } from './refusal';
import { quote, type SimState } from './state';
import { callJson, legJson } from './view';

type Route = ReturnType<typeof findRoutes>[number];

interface Dialled {
  sip: boolean;
  connection: 'sip' | 'webrtc';
  uri?: string;
  userPart: string;
  callId?: string;
  pin?: string;
  name?: string;
  /** "URI x" or "call ID n", for sentences */
  words: string;
  field: SimulationField;
}

function readDialled(raw: string): Dialled {
  const body = parseBody(dialInBody, raw);
  const connection = body.via ?? 'sip';
  const uri = body.uri ? body.uri.replace(/^sips?:/i, '').toLowerCase() : undefined;
  const callId = body.callId || undefined;
  if (uri && callId) throw new Refusal('Dial either a URI or a call ID, not both.', 'uri');
  if (!uri && !callId) throw new Refusal('Dial a URI or a call ID.', 'uri');
  if (callId && !/^\d+$/.test(callId)) throw new Refusal('A call ID is digits only.', 'callId');
  const userPart = uri?.split('@')[0] ?? '';
  if (uri !== undefined && userPart === '') throw new Refusal('The URI has no user part.', 'uri');
  // '#' alone is a blank PIN, and the # that ends a PIN is not part of it.
  const pin = body.pin === undefined ? undefined : body.pin.replace(/#$/, '');
  if (pin !== undefined && !/^\d*$/.test(pin)) throw new Refusal('A PIN is digits only, ended by #.', 'pin');
  return {
    sip: connection === 'sip',
    connection,
    ...(uri ? { uri } : {}),
    userPart,
    ...(callId ? { callId } : {}),
    ...(pin !== undefined ? { pin } : {}),
    ...(body.name ? { name: body.name } : {}),
    words: uri ? `URI ${userPart}` : `call ID ${callId}`,
    field: uri ? 'uri' : 'callId',
  };
}

/** callProfile passcodeMode / passcodeTimeout in force for a space: global, then tenant, then space. */
function passcodeHandling(state: SimState, space: Entity) {
  const tenant = typeof space.values.tenant === 'string' ? state.store.get('tenant', space.values.tenant) : undefined;
  const levels: Array<[string, unknown]> = [
    ['system', state.store.systemProfiles.callProfile],
    ['tenant', tenant?.values.callProfile],
    ['space', space.values.callProfile],
  ];
  let mode: { value: string; from: string } | undefined;
  let timeout: { value: number; from: string } | undefined;
  for (const [scope, id] of levels) {
    const profile = typeof id === 'string' ? state.store.get('callProfile', id) : undefined;
    if (!profile) continue;
    const from = `the ${scope} callProfile ${profile.id}`;
    if (typeof profile.values.passcodeMode === 'string') mode = { value: profile.values.passcodeMode, from };
    if (typeof profile.values.passcodeTimeout === 'number') timeout = { value: profile.values.passcodeTimeout, from };
  }
  return { mode, timeout };
}

/** A SIP caller who entered no PIN where a blank and a set PIN share the address: callProfile passcodeMode decides. */
function blankPinOnSharedRoute(state: SimState, space: Entity, pin: string | undefined): string {
  const { mode, timeout } = passcodeHandling(state, space);
  const modeText = mode ? `passcodeMode ${mode.value} (from ${mode.from})` : 'no callProfile sets passcodeMode, so it is taken as required';
  const seconds = timeout ? `${timeout.value} s (passcodeTimeout, from ${timeout.from})` : 'the default time (passcodeTimeout is unset)';
  if (pin === '') {
    return mode?.value === 'timeout'
      ? `The IVR asked for the PIN; # alone is a blank PIN. With ${modeText}, waiting ${seconds} would have done the same.`
      : `The IVR asked for the PIN; # alone is a blank PIN. With ${modeText}, a caller must press # to join without a PIN: the IVR waits until then.`;
  }
  if (mode?.value === 'timeout') return `The IVR asked for the PIN; nothing was entered, so after ${seconds} it took a blank PIN (${modeText}).`;
  throw new Refusal(`The IVR is still waiting for a PIN: with ${modeText}, a caller without a PIN must press #.`, 'pin');
}

/** Which way in the PIN selects, and what the IVR or web app said on the way. */
function chooseRoute(state: SimState, space: Entity, routes: Route[], d: Dialled): { chosen: Route; ivr: string } {
  const blankRoute = routes.find((r) => r.passcode === '');
  const spaceName = quote(space.values.name);
  if (routes.length === 1 && blankRoute) {
    const ivr = d.sip ? `The IVR put the call straight through: ${d.words} asks for no PIN.` : `The web app joined straight away: ${d.words} asks for no passcode.`;
    return { chosen: blankRoute, ivr };
  }
  if (d.pin) {
    const chosen = routes.find((r) => r.passcode === d.pin);
    if (!chosen) throw new Refusal(`PIN not accepted: no way into ${spaceName} on ${d.words} has that PIN.`, 'pin');
    return { chosen, ivr: d.sip ? `The IVR asked for the PIN; it was accepted.` : `The web app asked for the passcode; it was accepted.` };
  }
  if (!blankRoute) throw new Refusal(`PIN not accepted: ${spaceName} needs a PIN on ${d.words}, and none was entered.`, 'pin');
  if (!d.sip) {
    return {
      chosen: blankRoute,
      ivr: `The web app asked for the passcode; left blank, it joined without one (callProfile passcodeMode applies to SIP calls only).`,
    };
  }
  return { chosen: blankRoute, ivr: blankPinOnSharedRoute(state, space, d.pin) };
}

function defaultName(state: SimState): string {
  state.callers += 1;
  return `Caller ${state.callers}`;
}

function addressOf(state: SimState, name: string): string {
  const bare = name.replace(/^sips?:/i, '');
  if (bare.includes('@')) return bare;
  const slug = bare.toLowerCase().replace(/[^a-z0-9]+/g, '.').replace(/^\.+|\.+$/g, '') || 'caller';
  return `${slug}@sim.${state.domain}`;
}

/** A caller dials a URI or call ID (and maybe a PIN): routed, asked, admitted or refused as a Call Bridge would. */
export function dialIn(state: SimState, raw: string): JoinAnswer {
  const d = readDialled(raw);
  const routes = findRoutes(state.store, d.uri ? { uri: d.userPart } : { callId: d.callId ?? '' });
  if (routes.length === 0) {
    throw new Refusal(d.uri ? `No space answers ${d.userPart}: no space or access method has that URI.` : `No space has call ID ${d.callId}.`, d.field);
  }
  const space = state.store.get('coSpace', routes[0]!.coSpace);
  if (!space) throw new Refusal(`No space answers ${d.words}.`, d.field);
  if (space.values.nonMemberAccess === false) {
    throw new Refusal(
      `${quote(space.values.name)} does not let non-members in (nonMemberAccess is false): callers are turned away; only its members, signed in to the web app, can join.`,
      d.field,
    );
  }
  const { chosen, ivr } = chooseRoute(state, space, routes, d);
  const viaMethod = chosen.owner.kind === 'accessMethod' ? chosen.owner : undefined;
  const pinText = chosen.passcode !== '' ? ', PIN' : routes.length > 1 ? ', blank PIN' : '';
  const name = d.name ?? defaultName(state);
  const { leg, call } = join(state, {
    space,
    name,
    remoteParty: addressOf(state, name),
    connection: d.connection,
    via: viaMethod ? 'accessMethod' : 'space',
    path: `${viaMethod ? 'Access method' : 'Space'} ${d.words}${pinText}${d.sip ? '' : ' (web app)'}`,
    ...(viaMethod ? { accessMethod: viaMethod.id } : {}),
    ...(d.uri ? { localAddress: `${d.userPart}@${state.domain}` } : {}),
  });
  return { leg: legJson(state, leg), call: callJson(state, call), ivr };
}
