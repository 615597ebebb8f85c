import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { REQUESTED_BY } from './client';

/**
 * The mock CMS's "simulate a dial-in" endpoints (outside `/api/v1`, JSON in and out). They exist
 * only when the studio runs against the mock (npm start without CMS_URL, the static demo, tests).
 */
export const SIMULATE_PREFIX = '/mock-cms/simulate';

export const simulatedRoleSchema = z.enum(['host', 'guest']);
export const simulatedStateSchema = z.enum(['lobby', 'inConference']);
export const deactivationModeSchema = z.enum(['deactivate', 'disconnect', 'remainActivated']);

export const simulatedLegSchema = z.object({
  id: z.string(),
  name: z.string(),
  remoteParty: z.string(),
  /** host: effective needsActivation false (an activator); guest: true */
  role: simulatedRoleSchema,
  /** lobby: CMS status deactivated=true */
  state: simulatedStateSchema,
  /** which level the leg came in through: the space itself, one of its access methods, or as a member */
  via: z.enum(['space', 'accessMethod', 'member']),
  accessMethod: z.string().optional(),
  coSpaceUser: z.string().optional(),
  /** how it dialled, in words: "Access method guestpin.space (PIN)" */
  path: z.string(),
  /** sip: a SIP endpoint through the IVR; webrtc: the web app; api: a dial-out made through /api/v1 */
  connection: z.enum(['sip', 'webrtc', 'api']),
  /** the effective deactivationMode (unset in every level → absent) */
  deactivationMode: deactivationModeSchema.optional(),
  deactivationModeTime: z.number().optional(),
  /** a deactivationMode action waiting for deactivationModeTime to run out */
  pending: z.object({ action: z.enum(['deactivate', 'disconnect']), at: z.string() }).optional(),
});
export type SimulatedLeg = z.infer<typeof simulatedLegSchema>;

export const simulationLogEntrySchema = z.object({ at: z.string(), message: z.string() });
export type SimulationLogEntry = z.infer<typeof simulationLogEntrySchema>;

export const simulatedCallSchema = z.object({
  id: z.string(),
  coSpace: z.string(),
  name: z.string(),
  legs: z.array(simulatedLegSchema),
});
export type SimulatedCall = z.infer<typeof simulatedCallSchema>;

export const joinAnswerSchema = z.object({
  leg: simulatedLegSchema,
  call: simulatedCallSchema,
  /** what the caller heard or saw before joining (IVR prompt, passcode handling) */
  ivr: z.string().optional(),
});
export type JoinAnswer = z.infer<typeof joinAnswerSchema>;

export const spaceSimulationSchema = z.object({
  space: z.object({ id: z.string(), name: z.string().optional() }),
  /** the space's active call, or null when nobody is in it */
  call: simulatedCallSchema.nullable(),
  /** what the Call Bridge would log for this space, oldest first ("configuring call … to be deactivated") */
  log: z.array(simulationLogEntrySchema),
});
export type SpaceSimulation = z.infer<typeof spaceSimulationSchema>;

export const hangUpAnswerSchema = z.object({ call: simulatedCallSchema.nullable() });
export type HangUpAnswer = z.infer<typeof hangUpAnswerSchema>;

export const simulationFieldSchema = z.enum(['uri', 'callId', 'pin', 'userJid', 'spaceId', 'via', 'name']);
export type SimulationField = z.infer<typeof simulationFieldSchema>;

export const simulationErrorSchema = z.object({ error: z.string(), field: simulationFieldSchema.optional() });
export type SimulationErrorBody = z.infer<typeof simulationErrorSchema>;

export interface DialInInput {
  /** URI user part or user@domain (`sip:` allowed) */
  uri?: string;
  callId?: string;
  /** '' or '#': a blank PIN (# pressed); absent: nothing entered */
  pin?: string;
  name?: string;
  via?: 'sip' | 'webrtc';
}

export interface SignInInput {
  spaceId: string;
  userJid: string;
}

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
      'X-Requested-By': REQUESTED_BY,
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
