import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { REQUESTED_BY, REQUESTED_BY_HEADER } from '../wire/requested-by';
import { SIMULATE_PREFIX, createdSpaceAnswerSchema, hangUpAnswerSchema, joinAnswerSchema, simulationErrorSchema, spaceSimulationSchema, type CreateSpaceInput, type CreatedSpaceAnswer, type DialInInput, type HangUpAnswer, type JoinAnswer, type SignInInput, type SimulationField, type SpaceSimulation } from '../wire/simulation-contract';

/** The mock refused the join (no route, PIN not accepted, non-members refused…); `field` names the input at fault. */
export class SimulationRefused extends Error {
  override readonly name = 'SimulationRefused';
  constructor(
    message: string,
    readonly status: number,
    readonly field?: SimulationField,
  ) {
    super(message);
  }
}

interface SimulationClientOptions {
  /** origin in front of `/mock-cms`; '' = the page's own origin */
  baseUrl?: string;
  fetch?: typeof fetch;
}

let clientOptions: SimulationClientOptions = {};

/** Tests point the client at their mock (`baseUrl`, `fetch`); the app uses the page's origin. */
export function configureMockSimulation(options: SimulationClientOptions = {}): void {
  clientOptions = options;
}

async function send<S extends z.ZodType>(method: 'GET' | 'POST' | 'DELETE', path: string, schema: S, body?: unknown, signal?: AbortSignal): Promise<z.output<S>> {
  const url = `${(clientOptions.baseUrl ?? '').replace(/\/+$/, '')}${SIMULATE_PREFIX}${path}`;
  const fetchImpl = clientOptions.fetch ?? globalThis.fetch;
  const response = await fetchImpl(url, {
    method,
    headers: {
      Accept: 'application/json',
      [REQUESTED_BY_HEADER]: REQUESTED_BY,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    ...(signal ? { signal } : {}),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  if (!response.ok) {
    const refusal = simulationErrorSchema.safeParse(json);
    if (refusal.success) throw new SimulationRefused(refusal.data.error, response.status, refusal.data.field);
    const hint = response.status === 404 ? ' (the simulation exists only with the mock CMS)' : '';
    throw new Error(`${method} ${SIMULATE_PREFIX}${path} answered ${response.status}${hint}.`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new Error(`${method} ${SIMULATE_PREFIX}${path} answered an unexpected body: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

const segment = (id: string) => encodeURIComponent(id);

/** A caller dials a URI or call ID (+ PIN), over SIP through the IVR or in the web app. */
export function simulateDialIn(input: DialInInput, signal?: AbortSignal): Promise<JoinAnswer> {
  return send('POST', '/dial-in', joinAnswerSchema, input, signal);
}

/** A user signed in to the web app joins the space (as a member when they are one). */
export function simulateSignIn(input: SignInInput, signal?: AbortSignal): Promise<JoinAnswer> {
  return send('POST', '/sign-in', joinAnswerSchema, input, signal);
}

/**
 * A user signed in to the web app makes a space from a template assigned to them. Afterwards,
 * invalidate spaceQueries.lists() (the space is a real /api/v1 object).
 */
export function simulateCreateSpace(input: CreateSpaceInput, signal?: AbortSignal): Promise<CreatedSpaceAnswer> {
  return send('POST', '/create-space', createdSpaceAnswerSchema, input, signal);
}

/** The participant hangs up; the answer is the call afterwards (null once it ended). */
export function simulateHangUp(legId: string, signal?: AbortSignal): Promise<HangUpAnswer> {
  return send('DELETE', `/legs/${segment(legId)}`, hangUpAnswerSchema, undefined, signal);
}

export function getSpaceSimulation(spaceId: string, signal?: AbortSignal): Promise<SpaceSimulation> {
  return send('GET', `/spaces/${segment(spaceId)}`, spaceSimulationSchema, undefined, signal);
}

// Not under ['cms']: the simulation is the mock's, not CMS's. After a join or a hang-up, also
// invalidate callQueries.all() (the legs are real /api/v1 objects).
const simulationKeys = {
  all: () => ['mock-cms', 'simulate'] as const,
  spaces: () => [...simulationKeys.all(), 'space'] as const,
  space: (id: string) => [...simulationKeys.spaces(), id] as const,
};

export const simulationQueries = {
  all: simulationKeys.all,
  spaces: simulationKeys.spaces,
  /** The space's active call with each leg's role and state; poll it (`refetchInterval`) while shown. */
  space: (spaceId: string) =>
    queryOptions({
      queryKey: simulationKeys.space(spaceId),
      queryFn: ({ signal }) => getSpaceSimulation(spaceId, signal),
    }),
};
