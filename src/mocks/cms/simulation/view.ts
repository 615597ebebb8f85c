import type { SimulatedCall, SimulatedLeg } from '../../../api/wire/simulation-contract';
import type { Entity } from '../store';
import { effective, isActivator } from './activation';
import { legName, type SimState, spaceOfCall } from './state';

export function legJson(state: SimState, leg: Entity): SimulatedLeg {
  const eff = effective(state, leg);
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
    ...((pending === 'deactivate' || pending === 'disconnect') && state.timers.has(leg.id)
      ? { pending: { action: pending, at: new Date(Number(leg.meta.pendingAt)).toISOString() } }
      : {}),
  };
}

export function callJson(state: SimState, call: Entity): SimulatedCall {
  return {
    id: call.id,
    coSpace: spaceOfCall(call),
    name: String(call.values.name ?? ''),
    legs: state.store.all('callLeg', call.id).map((leg) => legJson(state, leg)),
  };
}
