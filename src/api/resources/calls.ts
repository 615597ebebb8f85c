import { queryOptions } from '@tanstack/react-query';
import type { CmsCollection } from '../transport/client';
import { cmsClient } from '../transport/cms-client';
import { fetchEveryPage, fetchPage, type EveryPage, type PageParams } from '../transport/collection';
import type { callParams } from '../params/call';
import type { callLegParams } from '../params/call-leg';
import { pathSegment } from '../transport/path-segment';
import {
  callLegProfileTraceSchema,
  callLegSchema,
  callSchema,
  participantSchema,
  type Call,
  type CallLeg,
  type CallLegProfileTrace,
  type Participant,
} from '../params/schemas';
import { toWire, type CreateForm } from '../params/write-form';

/** `coSpace` instantiates that space's call; without it, `name` makes an ad hoc one. */
export type NewCallForm = CreateForm<typeof callParams>;
/** A dial-out: `remoteParty` plus any per-leg profile overrides. */
export type NewCallLegForm = CreateForm<typeof callLegParams>;

export type CallListParams = PageParams & { coSpaceFilter?: string; tenantFilter?: string };
export type CallLegListParams = PageParams & { filter?: string; tenantFilter?: string };
export type ParticipantListParams = PageParams & { filter?: string; tenantFilter?: string; callBridgeFilter?: string };

const callPath = (id: string) => `calls/${pathSegment(id)}`;
const callLegPath = (id: string) => `callLegs/${pathSegment(id)}`;
const calls = { path: 'calls', item: 'call', schema: callSchema };
const legsOf = (callId: string) => ({ path: `${callPath(callId)}/callLegs`, item: 'callLeg', schema: callLegSchema });
const participantsOf = (callId: string) => ({ path: `${callPath(callId)}/participants`, item: 'participant', schema: participantSchema });

// --- calls ---

export function listCalls(params: CallListParams = {}, signal?: AbortSignal): Promise<CmsCollection<Call>> {
  return fetchPage(calls, params, signal);
}

export function listAllCalls(params: EveryPage<CallListParams> = {}, signal?: AbortSignal): Promise<CmsCollection<Call>> {
  return fetchEveryPage(calls, params, signal);
}

export function getCall(id: string, signal?: AbortSignal): Promise<Call> {
  return cmsClient().get(callPath(id), callSchema, undefined, signal);
}

/** Starts a call (for a space: `{ coSpace }`); answers the call's id. */
export function createCall(form: NewCallForm, signal?: AbortSignal): Promise<string> {
  return cmsClient().create('calls', toWire(form), signal);
}

/** Ends the call for everyone in it. */
export function deleteCall(id: string, signal?: AbortSignal): Promise<void> {
  return cmsClient().remove(callPath(id), signal);
}

// --- call legs ---

export function listAllCallLegs(
  callId: string,
  params: EveryPage<CallLegListParams> = {},
  signal?: AbortSignal,
): Promise<CmsCollection<CallLeg>> {
  return fetchEveryPage(legsOf(callId), params, signal);
}

/** Dials out from the call; answers the new leg's id (CMS locates it at `/callLegs/<id>`). */
export function createCallLeg(callId: string, form: NewCallLegForm, signal?: AbortSignal): Promise<string> {
  return cmsClient().create(legsOf(callId).path, toWire(form), signal);
}

export function getCallLeg(id: string, signal?: AbortSignal): Promise<CallLeg> {
  return cmsClient().get(callLegPath(id), callLegSchema, undefined, signal);
}

/** Disconnects the leg. */
export function deleteCallLeg(id: string, signal?: AbortSignal): Promise<void> {
  return cmsClient().remove(callLegPath(id), signal);
}

/** CMS's own account of which level set each callLegProfile parameter of a live leg. */
export function getCallLegProfileTrace(callLegId: string, signal?: AbortSignal): Promise<CallLegProfileTrace> {
  return cmsClient().get(`${callLegPath(callLegId)}/callLegProfileTrace`, callLegProfileTraceSchema, undefined, signal);
}

// --- participants ---

export function listParticipants(
  callId: string,
  params: ParticipantListParams = {},
  signal?: AbortSignal,
): Promise<CmsCollection<Participant>> {
  return fetchPage(participantsOf(callId), params, signal);
}

export function listAllParticipants(
  callId: string,
  params: EveryPage<ParticipantListParams> = {},
  signal?: AbortSignal,
): Promise<CmsCollection<Participant>> {
  return fetchEveryPage(participantsOf(callId), params, signal);
}

// --- query options ---

// No connection target in the keys: switching to another CMS clears the whole ['cms'] cache.
const callKeys = {
  all: () => ['cms', 'calls'] as const,
  lists: () => [...callKeys.all(), 'list'] as const,
  details: () => [...callKeys.all(), 'detail'] as const,
  detail: (id: string) => [...callKeys.details(), id] as const,
  callLeg: (id: string) => [...callKeys.all(), 'callLeg', id] as const,
};

/**
 * Calls are live: a dial-out or a hang-up → invalidate `detail(callId).queryKey` (its legs and
 * participants hang below it) and the leg's `callLeg(id).queryKey`.
 */
export const callQueries = {
  all: callKeys.all,
  lists: callKeys.lists,
  /** One page, with the total. */
  list: (params: CallListParams = {}) =>
    queryOptions({
      queryKey: [...callKeys.lists(), params] as const,
      queryFn: ({ signal }) => listCalls(params, signal),
    }),
  /** Every call: the calls page and the scheduled meetings both poll it. */
  listAll: (params: EveryPage<CallListParams> = {}) =>
    queryOptions({
      queryKey: [...callKeys.lists(), 'all', params] as const,
      queryFn: ({ signal }) => listAllCalls(params, signal),
    }),
  details: callKeys.details,
  detail: (id: string) =>
    queryOptions({
      queryKey: callKeys.detail(id),
      queryFn: ({ signal }) => getCall(id, signal),
    }),
  /** Every leg of the call. */
  callLegs: (callId: string) =>
    queryOptions({
      queryKey: [...callKeys.detail(callId), 'callLegs'] as const,
      queryFn: ({ signal }) => listAllCallLegs(callId, {}, signal),
    }),
  /** Every participant of the call. */
  participants: (callId: string) =>
    queryOptions({
      queryKey: [...callKeys.detail(callId), 'participants'] as const,
      queryFn: ({ signal }) => listAllParticipants(callId, {}, signal),
    }),
  callLeg: (id: string) =>
    queryOptions({
      queryKey: callKeys.callLeg(id),
      queryFn: ({ signal }) => getCallLeg(id, signal),
    }),
  callLegProfileTrace: (callLegId: string) =>
    queryOptions({
      queryKey: [...callKeys.callLeg(callLegId), 'callLegProfileTrace'] as const,
      queryFn: ({ signal }) => getCallLegProfileTrace(callLegId, signal),
    }),
};
