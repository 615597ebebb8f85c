import { z } from 'zod';
import type {
  HangUpAnswer,
  JoinAnswer,
  SimulatedCall,
  SimulatedLeg,
  SimulationErrorBody,
  SimulationField,
  SimulationLogEntry,
  SpaceSimulation,
} from '../../api/wire/simulation-contract';
import { callLegProfileTrace } from './profile-scopes';
import { findRoutes } from './rules';
import type { Entity, Store, Values } from './store';

/**
 * "Simulate a dial-in": joins computed the way a Call Bridge does, on real call and callLeg
 * objects, so /api/v1/calls, /callLegs/<id> and its callLegProfileTrace show them.
 */
export interface Simulation {
  /** answers `/mock-cms/simulate/…` */
  handle(request: Request, path: string): Promise<Response>;
  /** `<status><deactivated>` of a leg: true while it waits in the lobby */
  isDeactivated(leg: Entity): boolean;
  /** a leg was dialled out or deleted through /api/v1: activation is recomputed as for a join or a hang-up */
  legAdded(leg: Entity): void;
  legRemoved(leg: Entity): void;
  reset(): void;
}

const PREFIX = '/mock-cms/simulate';
const LOG_LIMIT = 200;

type DeactivationMode = 'deactivate' | 'disconnect' | 'remainActivated';
// The blueprint documents no default for deactivationMode. The guide sends guests back to the lobby
// "as per the configuration of deactivate", i.e. because it was set; unset, guests stay in the
// conference (remainActivated) — the same assumption src/profiles makes, and why an unset mode on
// a guest path is a finding. An unset deactivationModeTime acts at once.
const ASSUMED_DEACTIVATION_MODE: DeactivationMode = 'remainActivated';

class Refusal extends Error {
  constructor(
    message: string,
    readonly field?: SimulationField,
    readonly status = 400,
  ) {
    super(message);
  }
}

const dialInBody = z.object({
  uri: z.string().trim().optional(),
  callId: z.string().trim().optional(),
  pin: z.string().trim().optional(),
  name: z.string().trim().max(200).optional(),
  via: z.enum(['sip', 'webrtc']).optional(),
});
const signInBody = z.object({ spaceId: z.string().trim().min(1), userJid: z.string().trim().min(1) });

const json = (body: JoinAnswer | HangUpAnswer | SpaceSimulation | SimulationErrorBody, status = 200) => Response.json(body, { status });

function parseBody<S extends z.ZodType>(schema: S, raw: string): z.output<S> {
  let value: unknown = {};
  if (raw.trim() !== '') {
    try {
      value = JSON.parse(raw);
    } catch {
      throw new Refusal('The body must be JSON.');
    }
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = typeof issue?.path[0] === 'string' ? issue.path[0] : undefined;
  const known = ['uri', 'callId', 'pin', 'userJid', 'spaceId', 'via', 'name'] as const;
  const asField = known.find((k) => k === field);
  throw new Refusal(`${field ?? 'The body'}: ${issue?.message ?? 'not understood'}.`, asField);
}

const quote = (name: unknown) => `“${String(name ?? '(no name)')}”`;

export function createSimulation(store: Store, options: { domain: string }): Simulation {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const logs = new Map<string, SimulationLogEntry[]>();
  let callers = 0;

  const log = (spaceId: string, message: string) => {
    const entries = logs.get(spaceId) ?? [];
    entries.push({ at: new Date().toISOString(), message });
    if (entries.length > LOG_LIMIT) entries.splice(0, entries.length - LOG_LIMIT);
    logs.set(spaceId, entries);
  };

  const spaceOfCall = (call: Entity | undefined) => (typeof call?.values.coSpace === 'string' ? call.values.coSpace : '');

  /** The callLegProfile in force for a leg: its trace folded, the most specific level winning per parameter. */
  const effective = (leg: Entity): Values => {
    const out: Values = {};
    for (const level of callLegProfileTrace(store, leg)) Object.assign(out, level.settings);
    return out;
  };
  // needsActivation unset everywhere → the blueprint default false: an activator.
  const isActivator = (eff: Values) => eff.needsActivation !== true;

  const deactivationOf = (eff: Values): { mode: DeactivationMode; seconds: number } => {
    const mode = eff.deactivationMode;
    const seconds = eff.deactivationModeTime;
    return {
      mode: mode === 'deactivate' || mode === 'disconnect' || mode === 'remainActivated' ? mode : ASSUMED_DEACTIVATION_MODE,
      seconds: typeof seconds === 'number' && seconds > 0 ? seconds : 0,
    };
  };

  const cancelPending = (leg: Entity) => {
    const timer = timers.get(leg.id);
    if (timer !== undefined) clearTimeout(timer);
    timers.delete(leg.id);
    delete leg.meta.pendingAction;
    delete leg.meta.pendingAt;
  };

  const legName = (leg: Entity) => String(leg.values.name ?? leg.values.remoteParty ?? leg.id);

  const endCallIfEmpty = (callId: string) => {
    const call = store.get('call', callId);
    // A call started through POST /calls lives until it is deleted; one the Call Bridge started for
    // arriving participants ends with the last of them.
    if (!call || call.meta.simulated !== 'true' || store.all('callLeg', callId).length > 0) return;
    store.delete('call', callId);
    log(spaceOfCall(call), `call ${callId} ended: the last participant left`);
  };

  /** Deletes a leg as a hang-up or a disconnect does; answers the log lines to write. */
  const removeLeg = (leg: Entity, why?: string): string[] => {
    cancelPending(leg);
    const spaceId = spaceOfCall(leg.parent ? store.get('call', leg.parent) : undefined);
    const space = store.get('coSpace', spaceId);
    store.delete('callLeg', leg.id);
    store.completedLegs += 1;
    return [...(why ? [why] : []), `participant "${legName(leg)}" left space ${spaceId} (${String(space?.values.name ?? '')})`];
  };

  /** Runs a guest's deactivationMode now that no activator is left. */
  const act = (leg: Entity, mode: 'deactivate' | 'disconnect') => {
    cancelPending(leg);
    const spaceId = spaceOfCall(leg.parent ? store.get('call', leg.parent) : undefined);
    if (mode === 'deactivate') {
      leg.meta.deactivated = 'true';
      log(spaceId, `configuring call ${leg.id} to be deactivated`);
      return;
    }
    const callId = leg.parent ?? '';
    for (const line of removeLeg(leg, `call ${leg.id} disconnected: no activator left (deactivationMode disconnect)`)) log(spaceId, line);
    endCallIfEmpty(callId);
  };

  const fire = (legId: string) => {
    timers.delete(legId);
    const leg = store.get('callLeg', legId);
    const mode = leg?.meta.pendingAction;
    if (!leg || (mode !== 'deactivate' && mode !== 'disconnect')) return;
    // An activator that joined meanwhile has already cancelled this; one made so by a profile edit has not.
    if (store.all('callLeg', leg.parent ?? '').some((l) => isActivator(effective(l)))) settleAndLog(leg.parent ?? '');
    else act(leg, mode);
  };

  /**
   * Recomputes activation for every leg of a call: with an activator present every leg is in the
   * conference; without one, arriving guests wait in the lobby and guests that were in the
   * conference follow their own deactivationMode (after deactivationModeTime).
   * Answers the log lines about `joined` (first) and about the others, in the Call Bridge's order.
   */
  const settle = (callId: string, joined?: Entity): { own: string[]; others: string[] } => {
    const own: string[] = [];
    const others: string[] = [];
    const legs = store.all('callLeg', callId).map((leg) => ({ leg, eff: effective(leg) }));
    const activatorPresent = legs.some(({ eff }) => isActivator(eff));
    for (const { leg, eff } of legs) {
      const lines = leg === joined ? own : others;
      if (isActivator(eff) || activatorPresent) {
        cancelPending(leg);
        delete leg.meta.remainActivated;
        if (leg.meta.deactivated === 'true') lines.push(`call ${leg.id} ceasing to be deactivated`);
        leg.meta.deactivated = 'false';
        continue;
      }
      if (leg.meta.deactivated === undefined) {
        leg.meta.deactivated = 'true';
        lines.push(`configuring call ${leg.id} to be deactivated`);
        continue;
      }
      if (leg.meta.deactivated === 'true' || leg.meta.pendingAction || leg.meta.remainActivated) continue;
      // In the conference, and the last activator has just gone.
      const { mode, seconds } = deactivationOf(eff);
      if (mode === 'remainActivated') {
        leg.meta.remainActivated = 'true';
        lines.push(`call ${leg.id} remains activated: no activator left (deactivationMode remainActivated)`);
      } else if (seconds > 0) {
        leg.meta.pendingAction = mode;
        leg.meta.pendingAt = String(Date.now() + seconds * 1000);
        const timer = setTimeout(() => fire(leg.id), seconds * 1000);
        // Node: a pending deactivation must not keep a test or CLI process alive.
        (timer as { unref?: () => void }).unref?.();
        timers.set(leg.id, timer);
        lines.push(`call ${leg.id} to be ${mode === 'deactivate' ? 'deactivated' : 'disconnected'} in ${seconds} s (deactivationModeTime): no activator left`);
      } else if (mode === 'deactivate') {
        leg.meta.deactivated = 'true';
        lines.push(`configuring call ${leg.id} to be deactivated`);
      } else {
        // disconnect at once: done after the loop so the list being walked stays intact
        leg.meta.pendingAction = 'disconnect';
        leg.meta.pendingAt = String(Date.now());
      }
    }
    for (const { leg } of legs) {
      if (leg.meta.pendingAction === 'disconnect' && !timers.has(leg.id)) {
        const lines = leg === joined ? own : others;
        lines.push(...removeLeg(leg, `call ${leg.id} disconnected: no activator left (deactivationMode disconnect)`));
      }
    }
    return { own, others };
  };

  const settleAndLog = (callId: string) => {
    const spaceId = spaceOfCall(store.get('call', callId));
    const { own, others } = settle(callId);
    for (const line of [...own, ...others]) log(spaceId, line);
    endCallIfEmpty(callId);
  };

  const activeCall = (spaceId: string) => store.all('call').find((c) => c.values.coSpace === spaceId);

  const ensureCall = (space: Entity): Entity => {
    const existing = activeCall(space.id);
    if (existing) return existing;
    const values: Values = { coSpace: space.id, name: space.values.name ?? '', callCorrelator: crypto.randomUUID() };
    if (space.values.tenant !== undefined) values.tenant = space.values.tenant;
    const call = store.insert('call', values, { meta: { simulated: 'true' } });
    log(space.id, `call ${call.id} started for space ${space.id} (${String(space.values.name ?? '')})`);
    return call;
  };

  const legJson = (leg: Entity): SimulatedLeg => {
    const eff = effective(leg);
    const mode = eff.deactivationMode;
    const pending = leg.meta.pendingAction;
    const via = leg.meta.via === 'accessMethod' || leg.meta.via === 'member' ? leg.meta.via : 'space';
    const connection = leg.meta.connection === 'sip' || leg.meta.connection === 'webrtc' ? leg.meta.connection : 'api';
    return {
      id: leg.id,
      name: legName(leg),
      remoteParty: String(leg.values.remoteParty ?? ''),
      role: isActivator(eff) ? 'host' : 'guest',
      state: leg.meta.deactivated === 'true' ? 'lobby' : 'inConference',
      via,
      ...(leg.meta.accessMethod ? { accessMethod: leg.meta.accessMethod } : {}),
      ...(leg.meta.coSpaceUser ? { coSpaceUser: leg.meta.coSpaceUser } : {}),
      path: leg.meta.path ?? 'Dialled out through the API',
      connection,
      ...(mode === 'deactivate' || mode === 'disconnect' || mode === 'remainActivated' ? { deactivationMode: mode } : {}),
      ...(typeof eff.deactivationModeTime === 'number' ? { deactivationModeTime: eff.deactivationModeTime } : {}),
      ...((pending === 'deactivate' || pending === 'disconnect') && timers.has(leg.id)
        ? { pending: { action: pending, at: new Date(Number(leg.meta.pendingAt)).toISOString() } }
        : {}),
    };
  };

  const callJson = (call: Entity): SimulatedCall => ({
    id: call.id,
    coSpace: spaceOfCall(call),
    name: String(call.values.name ?? ''),
    legs: store.all('callLeg', call.id).map(legJson),
  });

  interface Arrival {
    space: Entity;
    name: string;
    remoteParty: string;
    connection: 'sip' | 'webrtc';
    via: SimulatedLeg['via'];
    path: string;
    accessMethod?: string;
    coSpaceUser?: string;
    localAddress?: string;
  }

  const join = (arrival: Arrival): { leg: Entity; call: Entity } => {
    const { space } = arrival;
    const call = ensureCall(space);
    const values: Values = {
      name: arrival.name,
      remoteParty: arrival.remoteParty,
      call: call.id,
      type: arrival.connection === 'sip' ? 'sip' : 'acano',
      direction: 'incoming',
    };
    if (arrival.localAddress) values.localAddress = arrival.localAddress;
    if (space.values.tenant !== undefined) values.tenant = space.values.tenant;
    const meta: Record<string, string> = {
      participant: crypto.randomUUID(),
      connection: arrival.connection,
      via: arrival.via,
      path: arrival.path,
    };
    if (arrival.accessMethod) meta.accessMethod = arrival.accessMethod;
    if (arrival.coSpaceUser) meta.coSpaceUser = arrival.coSpaceUser;
    const leg = store.insert('callLeg', values, { parent: call.id, meta });
    store.maxActiveLegs = Math.max(store.maxActiveLegs, store.all('callLeg').length);
    if (arrival.connection === 'sip') {
      log(space.id, `incoming SIP call from "sip:${arrival.remoteParty}" to local URI "sip:${arrival.localAddress ?? ''}"`);
    }
    const { own, others } = settle(call.id, leg);
    for (const line of own) log(space.id, line);
    log(space.id, `participant "${arrival.name}" joined space ${space.id} (${String(space.values.name ?? '')})`);
    for (const line of others) log(space.id, line);
    return { leg, call };
  };

  /** callProfile passcodeMode / passcodeTimeout in force for a space: global, then tenant, then space. */
  const passcodeHandling = (space: Entity) => {
    const tenant = typeof space.values.tenant === 'string' ? store.get('tenant', space.values.tenant) : undefined;
    const levels: Array<[string, unknown]> = [
      ['system', store.systemProfiles.callProfile],
      ['tenant', tenant?.values.callProfile],
      ['space', space.values.callProfile],
    ];
    let mode: { value: string; from: string } | undefined;
    let timeout: { value: number; from: string } | undefined;
    for (const [scope, id] of levels) {
      const profile = typeof id === 'string' ? store.get('callProfile', id) : undefined;
      if (!profile) continue;
      const from = `the ${scope} callProfile ${profile.id}`;
      if (typeof profile.values.passcodeMode === 'string') mode = { value: profile.values.passcodeMode, from };
      if (typeof profile.values.passcodeTimeout === 'number') timeout = { value: profile.values.passcodeTimeout, from };
    }
    return { mode, timeout };
  };

  const defaultName = () => {
    callers += 1;
    return `Caller ${callers}`;
  };
  const addressOf = (name: string) => {
    const bare = name.replace(/^sips?:/i, '');
    if (bare.includes('@')) return bare;
    const slug = bare.toLowerCase().replace(/[^a-z0-9]+/g, '.').replace(/^\.+|\.+$/g, '') || 'caller';
    return `${slug}@sim.${options.domain}`;
  };

  const dialIn = (raw: string): JoinAnswer => {
    const body = parseBody(dialInBody, raw);
    const connection = body.via ?? 'sip';
    const sip = connection === 'sip';
    const uri = body.uri ? body.uri.replace(/^sips?:/i, '').toLowerCase() : undefined;
    const callId = body.callId || undefined;
    if (uri && callId) throw new Refusal('Dial either a URI or a call ID, not both.', 'uri');
    if (!uri && !callId) throw new Refusal('Dial a URI or a call ID.', 'uri');
    if (callId && !/^\d+$/.test(callId)) throw new Refusal('A call ID is digits only.', 'callId');
    const addressField: SimulationField = uri ? 'uri' : 'callId';
    const userPart = uri?.split('@')[0] ?? '';
    if (uri !== undefined && userPart === '') throw new Refusal('The URI has no user part.', 'uri');
    // '#' alone is a blank PIN, and the # that ends a PIN is not part of it.
    const pin = body.pin === undefined ? undefined : body.pin.replace(/#$/, '');
    if (pin !== undefined && !/^\d*$/.test(pin)) throw new Refusal('A PIN is digits only, ended by #.', 'pin');

    const routes = findRoutes(store, uri ? { uri: userPart } : { callId: callId ?? '' });
    const dialled = uri ? `URI ${userPart}` : `call ID ${callId}`;
    if (routes.length === 0) {
      throw new Refusal(uri ? `No space answers ${userPart}: no space or access method has that URI.` : `No space has call ID ${callId}.`, addressField);
    }
    const space = store.get('coSpace', routes[0]!.coSpace);
    if (!space) throw new Refusal(`No space answers ${dialled}.`, addressField);
    const spaceName = quote(space.values.name);
    if (space.values.nonMemberAccess === false) {
      throw new Refusal(
        `${spaceName} does not let non-members in (nonMemberAccess is false): callers are turned away; only its members, signed in to the web app, can join.`,
        addressField,
      );
    }

    const blankRoute = routes.find((r) => r.passcode === '');
    const shared = routes.length > 1;
    let chosen = blankRoute;
    let ivr: string;
    if (!shared && blankRoute) {
      ivr = sip ? `The IVR put the call straight through: ${dialled} asks for no PIN.` : `The web app joined straight away: ${dialled} asks for no passcode.`;
    } else if (pin) {
      chosen = routes.find((r) => r.passcode === pin);
      if (!chosen) throw new Refusal(`PIN not accepted: no way into ${spaceName} on ${dialled} has that PIN.`, 'pin');
      ivr = sip ? `The IVR asked for the PIN; it was accepted.` : `The web app asked for the passcode; it was accepted.`;
    } else if (!blankRoute) {
      throw new Refusal(`PIN not accepted: ${spaceName} needs a PIN on ${dialled}, and none was entered.`, 'pin');
    } else if (!sip) {
      ivr = `The web app asked for the passcode; left blank, it joined without one (callProfile passcodeMode applies to SIP calls only).`;
    } else {
      const { mode, timeout } = passcodeHandling(space);
      const modeText = mode ? `passcodeMode ${mode.value} (from ${mode.from})` : 'no callProfile sets passcodeMode, so it is taken as required';
      const seconds = timeout ? `${timeout.value} s (passcodeTimeout, from ${timeout.from})` : 'the default time (passcodeTimeout is unset)';
      if (pin === '') {
        ivr =
          mode?.value === 'timeout'
            ? `The IVR asked for the PIN; # alone is a blank PIN. With ${modeText}, waiting ${seconds} would have done the same.`
            : `The IVR asked for the PIN; # alone is a blank PIN. With ${modeText}, a caller must press # to join without a PIN: the IVR waits until then.`;
      } else if (mode?.value === 'timeout') {
        ivr = `The IVR asked for the PIN; nothing was entered, so after ${seconds} it took a blank PIN (${modeText}).`;
      } else {
        throw new Refusal(`The IVR is still waiting for a PIN: with ${modeText}, a caller without a PIN must press #.`, 'pin');
      }
    }
    if (!chosen) throw new Refusal(`No space answers ${dialled}.`, addressField);

    const viaMethod = chosen.owner.kind === 'accessMethod' ? chosen.owner : undefined;
    const pinText = chosen.passcode !== '' ? ', PIN' : shared ? ', blank PIN' : '';
    const name = body.name || defaultName();
    const { leg, call } = join({
      space,
      name,
      remoteParty: addressOf(name),
      connection,
      via: viaMethod ? 'accessMethod' : 'space',
      path: `${viaMethod ? 'Access method' : 'Space'} ${dialled}${pinText}${sip ? '' : ' (web app)'}`,
      ...(viaMethod ? { accessMethod: viaMethod.id } : {}),
      ...(uri ? { localAddress: `${userPart}@${options.domain}` } : {}),
    });
    return { leg: legJson(leg), call: callJson(call), ivr };
  };

  const signIn = (raw: string): JoinAnswer => {
    const body = parseBody(signInBody, raw);
    const space = store.get('coSpace', body.spaceId);
    if (!space) throw new Refusal(`No space has id ${body.spaceId}.`, 'spaceId', 404);
    const jid = body.userJid.toLowerCase();
    const user = store.all('user').find((u) => String(u.values.userJid ?? '').toLowerCase() === jid);
    if (!user) throw new Refusal(`No user ${body.userJid} exists on this CMS: only users it knows (imported from LDAP) can sign in to the web app.`, 'userJid');
    const member = store
      .all('coSpaceUser', space.id)
      .find((m) => m.values.userId === user.id || String(m.values.userJid ?? '').toLowerCase() === jid);
    const spaceName = quote(space.values.name);
    const userJid = String(user.values.userJid ?? body.userJid);
    if (!member && space.values.nonMemberAccess === false) {
      throw new Refusal(`${userJid} is not a member of ${spaceName}, which does not let non-members in (nonMemberAccess is false).`, 'userJid');
    }
    const { leg, call } = join({
      space,
      name: String(user.values.name ?? userJid),
      remoteParty: userJid,
      connection: 'webrtc',
      via: member ? 'member' : 'space',
      path: member ? `Member ${userJid} (web app)` : `${userJid} in the web app, not a member`,
      ...(member ? { coSpaceUser: member.id } : {}),
    });
    const ivr = member
      ? `Signed in to the web app as ${userJid}, a member of ${spaceName}: joined from the space list, no call ID or passcode asked.`
      : `Signed in to the web app as ${userJid}, who is not a member of ${spaceName}: joined like any visitor, through the space's own settings.`;
    return { leg: legJson(leg), call: callJson(call), ivr };
  };

  const hangUp = (legId: string): HangUpAnswer => {
    const leg = store.get('callLeg', legId);
    if (!leg) throw new Refusal(`No call leg has id ${legId}; it may have hung up already.`, undefined, 404);
    const callId = leg.parent ?? '';
    for (const line of removeLeg(leg)) log(spaceOfCall(store.get('call', callId)), line);
    settleAndLog(callId);
    const call = store.get('call', callId);
    return { call: call ? callJson(call) : null };
  };

  const spaceState = (spaceId: string): SpaceSimulation => {
    const space = store.get('coSpace', spaceId);
    if (!space) throw new Refusal(`No space has id ${spaceId}.`, 'spaceId', 404);
    let call = activeCall(space.id);
    // Profiles may have been edited since the last join: settle before answering.
    if (call) {
      settleAndLog(call.id);
      call = store.get('call', call.id);
    }
    return {
      space: { id: space.id, ...(typeof space.values.name === 'string' ? { name: space.values.name } : {}) },
      call: call ? callJson(call) : null,
      log: [...(logs.get(space.id) ?? [])],
    };
  };

  return {
    async handle(request, path) {
      const rest = path.slice(PREFIX.length);
      const method = request.method.toUpperCase();
      try {
        const leg = /^\/legs\/([^/]+)$/.exec(rest);
        const space = /^\/spaces\/([^/]+)$/.exec(rest);
        if (rest === '/dial-in' && method === 'POST') return json(dialIn(await request.text()));
        if (rest === '/sign-in' && method === 'POST') return json(signIn(await request.text()));
        if (leg?.[1] && method === 'DELETE') return json(hangUp(decodeURIComponent(leg[1])));
        if (space?.[1] && method === 'GET') return json(spaceState(decodeURIComponent(space[1])));
        const known = rest === '/dial-in' || rest === '/sign-in' || leg || space;
        return json({ error: known ? `${method} is not allowed on ${path}.` : `No simulation endpoint at ${path}.` }, known ? 405 : 404);
      } catch (error) {
        if (error instanceof Refusal) return json({ error: error.message, ...(error.field ? { field: error.field } : {}) }, error.status);
        throw error;
      }
    },
    isDeactivated: (leg) => leg.meta.deactivated === 'true',
    legAdded(leg) {
      if (leg.parent) settleAndLog(leg.parent);
    },
    legRemoved(leg) {
      cancelPending(leg);
      const callId = leg.parent ?? '';
      const call = store.get('call', callId);
      log(spaceOfCall(call), `participant "${legName(leg)}" left: call leg deleted through the API`);
      settleAndLog(callId);
    },
    reset() {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      logs.clear();
      callers = 0;
    },
  };
}
