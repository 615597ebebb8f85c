import type { CreatedSpaceAnswer, HangUpAnswer, JoinAnswer, SimulationErrorBody, SpaceSimulation } from '../../api/wire/simulation-contract';
import { cancelPending, effective, isActivator, removeLeg, settleAndLog } from './simulation/activation';
import { createSpaceFromTemplate } from './simulation/create-space';
import { dialIn } from './simulation/dial-in';
import { activeCall } from './simulation/join';
import { Refusal } from './simulation/refusal';
import { signIn } from './simulation/sign-in';
import { createSimState, legName, log, type SimState, spaceOfCall } from './simulation/state';
import { callJson } from './simulation/view';
import type { Entity, Store } from './store';

/**
 * "Simulate a dial-in": joins computed the way a Call Bridge does, on real call and callLeg
 * objects, so /api/v1/calls, /callLegs/<id> and its callLegProfileTrace show them.
 */
export interface Simulation {
  /** answers `/mock-cms/simulate/…` */
  handle(request: Request, path: string): Promise<Response>;
  /** `<status><deactivated>` of a leg: true while it waits in the lobby */
  isDeactivated(leg: Entity): boolean;
  /** whether a leg's effective needsActivation makes it an activator (a host) */
  isActivator(leg: Entity): boolean;
  /** a leg was dialled out or deleted through /api/v1: activation is recomputed as for a join or a hang-up */
  legAdded(leg: Entity): void;
  legRemoved(leg: Entity): void;
  reset(): void;
}

const PREFIX = '/mock-cms/simulate';

const json = (body: JoinAnswer | HangUpAnswer | SpaceSimulation | CreatedSpaceAnswer | SimulationErrorBody, status = 200) => Response.json(body, { status });

function hangUp(state: SimState, legId: string): HangUpAnswer {
  const leg = state.store.get('callLeg', legId);
  if (!leg) throw new Refusal(`No call leg has id ${legId}; it may have hung up already.`, undefined, 404);
  const callId = leg.parent ?? '';
  for (const line of removeLeg(state, leg)) log(state, spaceOfCall(state.store.get('call', callId)), line);
  settleAndLog(state, callId);
  const call = state.store.get('call', callId);
  return { call: call ? callJson(state, call) : null };
}

function spaceState(state: SimState, spaceId: string): SpaceSimulation {
  const space = state.store.get('coSpace', spaceId);
  if (!space) throw new Refusal(`No space has id ${spaceId}.`, 'spaceId', 404);
  let call = activeCall(state, space.id);
  // Profiles may have been edited since the last join: settle before answering.
  if (call) {
    settleAndLog(state, call.id);
    call = state.store.get('call', call.id);
  }
  return {
    space: { id: space.id, ...(typeof space.values.name === 'string' ? { name: space.values.name } : {}) },
    call: call ? callJson(state, call) : null,
    log: [...(state.logs.get(space.id) ?? [])],
  };
}

async function route(state: SimState, request: Request, path: string): Promise<Response> {
  const rest = path.slice(PREFIX.length);
  const method = request.method.toUpperCase();
  const leg = /^\/legs\/([^/]+)$/.exec(rest);
  const space = /^\/spaces\/([^/]+)$/.exec(rest);
  if (rest === '/dial-in' && method === 'POST') return json(dialIn(state, await request.text()));
  if (rest === '/sign-in' && method === 'POST') return json(signIn(state, await request.text()));
  if (rest === '/create-space' && method === 'POST') return json(createSpaceFromTemplate(state, await request.text()));
  if (leg?.[1] && method === 'DELETE') return json(hangUp(state, decodeURIComponent(leg[1])));
  if (space?.[1] && method === 'GET') return json(spaceState(state, decodeURIComponent(space[1])));
  const known = rest === '/dial-in' || rest === '/sign-in' || rest === '/create-space' || leg || space;
  return json({ error: known ? `${method} is not allowed on ${path}.` : `No simulation endpoint at ${path}.` }, known ? 405 : 404);
}

export function createSimulation(store: Store, options: { domain: string }): Simulation {
  const state = createSimState(store, options.domain);
  return {
    async handle(request, path) {
      try {
        return await route(state, request, path);
      } catch (error) {
        if (error instanceof Refusal) return json({ error: error.message, ...(error.field ? { field: error.field } : {}) }, error.status);
        throw error;
      }
    },
    isDeactivated: (leg) => leg.meta.deactivated === 'true',
    isActivator: (leg) => isActivator(effective(state, leg)),
    legAdded(leg) {
      if (leg.parent) settleAndLog(state, leg.parent);
    },
    legRemoved(leg) {
      cancelPending(state, leg);
      const callId = leg.parent ?? '';
      log(state, spaceOfCall(store.get('call', callId)), `participant "${legName(leg)}" left: call leg deleted through the API`);
      settleAndLog(state, callId);
    },
    reset() {
      for (const timer of state.timers.values()) clearTimeout(timer);
      state.timers.clear();
      state.logs.clear();
      state.callers = 0;
    },
  };
}
