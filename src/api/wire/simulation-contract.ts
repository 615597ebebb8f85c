import { z } from 'zod';

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

export const simulationFieldSchema = z.enum(['uri', 'callId', 'pin', 'userJid', 'spaceId', 'via', 'name', 'coSpaceTemplate']);
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

/** A user signed in to the web app makes a space from one of the templates assigned to them. */
export interface CreateSpaceInput {
  userJid: string;
  /** the coSpaceTemplate id */
  coSpaceTemplate: string;
  name: string;
  /** the space's URI user part; absent: made from the name, as the web app offers it */
  uri?: string;
}

/** What CMS made: the space (with its owner as a member) and one access method per access method template. */
export const createdSpaceAnswerSchema = z.object({
  space: z.object({ id: z.string(), name: z.string(), uri: z.string(), callId: z.string().optional() }),
  /** the coSpaceUser id of the creator */
  member: z.string(),
  accessMethods: z.array(
    z.object({
      id: z.string(),
      /** the access method template it was made from */
      template: z.string(),
      name: z.string().optional(),
      uri: z.string().optional(),
      callId: z.string().optional(),
      callLegProfile: z.string().optional(),
    }),
  ),
});
export type CreatedSpaceAnswer = z.infer<typeof createdSpaceAnswerSchema>;
