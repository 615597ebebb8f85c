import type { SimulatedLeg } from '../../../api/wire/simulation-contract';
import type { Entity, Values } from '../store';
import { settle } from './activation';
import { log, type SimState } from './state';

export interface Arrival {
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

export const activeCall = (state: SimState, spaceId: string) => state.store.all('call').find((c) => c.values.coSpace === spaceId);

function ensureCall(state: SimState, space: Entity): Entity {
  const existing = activeCall(state, space.id);
  if (existing) return existing;
  const values: Values = { coSpace: space.id, name: space.values.name ?? '', callCorrelator: crypto.randomUUID() };
  if (space.values.tenant !== undefined) values.tenant = space.values.tenant;
  const call = state.store.insert('call', values, { meta: { simulated: 'true' } });
  log(state, space.id, `call ${call.id} started for space ${space.id} (${String(space.values.name ?? '')})`);
  return call;
}

/** A participant arrives: a real call (started if need be) and callLeg, then activation is settled. */
export function join(state: SimState, arrival: Arrival): { leg: Entity; call: Entity } {
  const { space } = arrival;
  const call = ensureCall(state, space);
  const values: Values = {
    name: arrival.name,
    remoteParty: arrival.remoteParty,
    call: call.id,
    type: arrival.connection === 'sip' ? 'sip' : 'acano',
    direction: 'incoming',
  };
  if (arrival.localAddress) values.localAddress = arrival.localAddress;
  if (space.values.tenant !== undefined) values.tenant = space.values.tenant;
  const meta: Record<string, string> = { participant: crypto.randomUUID(), connection: arrival.connection, via: arrival.via, path: arrival.path };
  if (arrival.accessMethod) meta.accessMethod = arrival.accessMethod;
  if (arrival.coSpaceUser) meta.coSpaceUser = arrival.coSpaceUser;
  const leg = state.store.insert('callLeg', values, { parent: call.id, meta });
  state.store.maxActiveLegs = Math.max(state.store.maxActiveLegs, state.store.all('callLeg').length);
  if (arrival.connection === 'sip') {
    log(state, space.id, `incoming SIP call from "sip:${arrival.remoteParty}" to local URI "sip:${arrival.localAddress ?? ''}"`);
  }
  const { own, others } = settle(state, call.id, leg);
  for (const line of own) log(state, space.id, line);
  log(state, space.id, `participant "${arrival.name}" joined space ${space.id} (${String(space.values.name ?? '')})`);
  for (const line of others) log(state, space.id, line);
  return { leg, call };
}
