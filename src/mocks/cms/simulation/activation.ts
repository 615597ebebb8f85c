import { callLegProfileTrace } from '../profile-scopes';
import type { Entity, Values } from '../store';
import { legName, log, type SimState, spaceOfCall } from './state';

type DeactivationMode = 'deactivate' | 'disconnect' | 'remainActivated';
// The blueprint documents no default for deactivationMode. The guide sends guests back to the lobby
// "as per the configuration of deactivate", i.e. because it was set; unset, guests stay in the
// conference (remainActivated) — the same assumption the profile resolver makes, and why an unset
// mode on a guest path is a finding. An unset deactivationModeTime acts at once.
const ASSUMED_DEACTIVATION_MODE: DeactivationMode = 'remainActivated';

/** The callLegProfile in force for a leg: its trace folded, the most specific level winning per parameter. */
export function effective(state: SimState, leg: Entity): Values {
  const out: Values = {};
  for (const level of callLegProfileTrace(state.store, leg)) Object.assign(out, level.settings);
  return out;
}

// needsActivation unset everywhere → the blueprint default false: an activator.
export const isActivator = (eff: Values) => eff.needsActivation !== true;

function deactivationOf(eff: Values): { mode: DeactivationMode; seconds: number } {
  const mode = eff.deactivationMode;
  const seconds = eff.deactivationModeTime;
  return {
    mode: mode === 'deactivate' || mode === 'disconnect' || mode === 'remainActivated' ? mode : ASSUMED_DEACTIVATION_MODE,
    seconds: typeof seconds === 'number' && seconds > 0 ? seconds : 0,
  };
}

export function cancelPending(state: SimState, leg: Entity): void {
  const timer = state.timers.get(leg.id);
  if (timer !== undefined) clearTimeout(timer);
  state.timers.delete(leg.id);
  delete leg.meta.pendingAction;
  delete leg.meta.pendingAt;
}

export function endCallIfEmpty(state: SimState, callId: string): void {
  const call = state.store.get('call', callId);
  // A call started through POST /calls lives until it is deleted; one the Call Bridge started for
  // arriving participants ends with the last of them.
  if (!call || call.meta.simulated !== 'true' || state.store.all('callLeg', callId).length > 0) return;
  state.store.delete('call', callId);
  log(state, spaceOfCall(call), `call ${callId} ended: the last participant left`);
}

/** Deletes a leg as a hang-up or a disconnect does; answers the log lines to write. */
export function removeLeg(state: SimState, leg: Entity, why?: string): string[] {
  cancelPending(state, leg);
  const spaceId = spaceOfCall(leg.parent ? state.store.get('call', leg.parent) : undefined);
  const space = state.store.get('coSpace', spaceId);
  state.store.delete('callLeg', leg.id);
  state.store.completedLegs += 1;
  return [...(why ? [why] : []), `participant "${legName(leg)}" left space ${spaceId} (${String(space?.values.name ?? '')})`];
}

const DISCONNECTED = (id: string) => `call ${id} disconnected: no activator left (deactivationMode disconnect)`;

/** Runs a guest's deactivationMode now that no activator is left. */
function act(state: SimState, leg: Entity, mode: 'deactivate' | 'disconnect'): void {
  cancelPending(state, leg);
  const spaceId = spaceOfCall(leg.parent ? state.store.get('call', leg.parent) : undefined);
  if (mode === 'deactivate') {
    leg.meta.deactivated = 'true';
    log(state, spaceId, `configuring call ${leg.id} to be deactivated`);
    return;
  }
  const callId = leg.parent ?? '';
  for (const line of removeLeg(state, leg, DISCONNECTED(leg.id))) log(state, spaceId, line);
  endCallIfEmpty(state, callId);
}

function fire(state: SimState, legId: string): void {
  state.timers.delete(legId);
  const leg = state.store.get('callLeg', legId);
  const mode = leg?.meta.pendingAction;
  if (!leg || (mode !== 'deactivate' && mode !== 'disconnect')) return;
  // An activator that joined meanwhile has already cancelled this; one made so by a profile edit has not.
  if (state.store.all('callLeg', leg.parent ?? '').some((l) => isActivator(effective(state, l)))) settleAndLog(state, leg.parent ?? '');
  else act(state, leg, mode);
}

/** A guest in the conference whose last activator has gone: follow its deactivationMode. Answers its log lines. */
function lastActivatorLeft(state: SimState, leg: Entity, eff: Values): string[] {
  const { mode, seconds } = deactivationOf(eff);
  if (mode === 'remainActivated') {
    leg.meta.remainActivated = 'true';
    return [`call ${leg.id} remains activated: no activator left (deactivationMode remainActivated)`];
  }
  if (seconds > 0) {
    leg.meta.pendingAction = mode;
    leg.meta.pendingAt = String(Date.now() + seconds * 1000);
    const timer = setTimeout(() => fire(state, leg.id), seconds * 1000);
    // Node: a pending deactivation must not keep a test or CLI process alive.
    (timer as { unref?: () => void }).unref?.();
    state.timers.set(leg.id, timer);
    return [`call ${leg.id} to be ${mode === 'deactivate' ? 'deactivated' : 'disconnected'} in ${seconds} s (deactivationModeTime): no activator left`];
  }
  if (mode === 'deactivate') {
    leg.meta.deactivated = 'true';
    return [`configuring call ${leg.id} to be deactivated`];
  }
  // disconnect at once: done after the walk so the list being walked stays intact
  leg.meta.pendingAction = 'disconnect';
  leg.meta.pendingAt = String(Date.now());
  return [];
}

function settleLeg(state: SimState, leg: Entity, eff: Values, activatorPresent: boolean): string[] {
  if (isActivator(eff) || activatorPresent) {
    cancelPending(state, leg);
    delete leg.meta.remainActivated;
    const was = leg.meta.deactivated;
    leg.meta.deactivated = 'false';
    return was === 'true' ? [`call ${leg.id} ceasing to be deactivated`] : [];
  }
  if (leg.meta.deactivated === undefined) {
    leg.meta.deactivated = 'true';
    return [`configuring call ${leg.id} to be deactivated`];
  }
  if (leg.meta.deactivated === 'true' || leg.meta.pendingAction || leg.meta.remainActivated) return [];
  return lastActivatorLeft(state, leg, eff);
}

/**
 * Recomputes activation for every leg of a call: with an activator present every leg is in the
 * conference; without one, arriving guests wait in the lobby and guests that were in the
 * conference follow their own deactivationMode (after deactivationModeTime).
 * Answers the log lines about `joined` (first) and about the others, in the Call Bridge's order.
 */
export function settle(state: SimState, callId: string, joined?: Entity): { own: string[]; others: string[] } {
  const own: string[] = [];
  const others: string[] = [];
  const legs = state.store.all('callLeg', callId).map((leg) => ({ leg, eff: effective(state, leg) }));
  const activatorPresent = legs.some(({ eff }) => isActivator(eff));
  for (const { leg, eff } of legs) (leg === joined ? own : others).push(...settleLeg(state, leg, eff, activatorPresent));
  for (const { leg } of legs) {
    if (leg.meta.pendingAction === 'disconnect' && !state.timers.has(leg.id)) {
      (leg === joined ? own : others).push(...removeLeg(state, leg, DISCONNECTED(leg.id)));
    }
  }
  return { own, others };
}

export function settleAndLog(state: SimState, callId: string): void {
  const spaceId = spaceOfCall(state.store.get('call', callId));
  const { own, others } = settle(state, callId);
  for (const line of [...own, ...others]) log(state, spaceId, line);
  endCallIfEmpty(state, callId);
}
