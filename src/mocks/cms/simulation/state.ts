import type { SimulationLogEntry } from '../../../api/wire/simulation-contract';
import type { Entity, Store } from '../store';

const LOG_LIMIT = 200;

/** What the simulation keeps beside the model: pending deactivation timers, per-space logs, a caller counter. */
export interface SimState {
  readonly store: Store;
  readonly domain: string;
  readonly timers: Map<string, ReturnType<typeof setTimeout>>;
  readonly logs: Map<string, SimulationLogEntry[]>;
  callers: number;
}

export function createSimState(store: Store, domain: string): SimState {
  return { store, domain, timers: new Map(), logs: new Map(), callers: 0 };
}

export function log(state: SimState, spaceId: string, message: string): void {
  const entries = state.logs.get(spaceId) ?? [];
  entries.push({ at: new Date().toISOString(), message });
  if (entries.length > LOG_LIMIT) entries.splice(0, entries.length - LOG_LIMIT);
  state.logs.set(spaceId, entries);
}

export const spaceOfCall = (call: Entity | undefined) => (typeof call?.values.coSpace === 'string' ? call.values.coSpace : '');

export const legName = (leg: Entity) => String(leg.values.name ?? leg.values.remoteParty ?? leg.id);

export const quote = (name: unknown) => `“${String(name ?? '(no name)')}”`;
