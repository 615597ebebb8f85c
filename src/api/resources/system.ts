import { queryOptions } from '@tanstack/react-query';
import type { CmsCollection } from '../transport/client';
import { cmsClient } from '../transport/cms-client';
import { fetchEveryPage, fetchPage, type PageParams } from '../transport/collection';
import type { systemProfilesParams } from '../params/system-profiles';
import { pathSegment } from '../transport/path-segment';
import {
  callBridgeSchema,
  systemProfilesSchema,
  systemStatusSchema,
  type CallBridge,
  type SystemProfiles,
  type SystemStatus,
} from '../params/schemas';
import { toWire, type WriteForm } from '../params/write-form';

export type SystemProfilesForm = WriteForm<typeof systemProfilesParams>;

export type CallBridgeListParams = PageParams;

const callBridges = { path: 'callBridges', item: 'callBridge', schema: callBridgeSchema };

export function getSystemStatus(signal?: AbortSignal): Promise<SystemStatus> {
  return cmsClient().get('system/status', systemStatusSchema, undefined, signal);
}

/** The global profiles: the least specific level of profile resolution. */
export function getSystemProfiles(signal?: AbortSignal): Promise<SystemProfiles> {
  return cmsClient().get('system/profiles', systemProfilesSchema, undefined, signal);
}

/** Sends only the fields given: `undefined` leaves a profile as it is, `''` unsets it. */
export function updateSystemProfiles(form: SystemProfilesForm, signal?: AbortSignal): Promise<void> {
  return cmsClient().update('system/profiles', toWire(form), signal);
}

export function listCallBridges(params: CallBridgeListParams = {}, signal?: AbortSignal): Promise<CmsCollection<CallBridge>> {
  return fetchPage(callBridges, params, signal);
}

export function listAllCallBridges(signal?: AbortSignal): Promise<CmsCollection<CallBridge>> {
  return fetchEveryPage(callBridges, {}, signal);
}

export function getCallBridge(id: string, signal?: AbortSignal): Promise<CallBridge> {
  return cmsClient().get(`callBridges/${pathSegment(id)}`, callBridgeSchema, undefined, signal);
}

// No connection target in the keys: switching to another CMS clears the whole ['cms'] cache.
const systemKeys = {
  all: () => ['cms', 'system'] as const,
  callBridges: () => [...systemKeys.all(), 'callBridges'] as const,
};

/** A global profiles write also changes callLegProfile usage: invalidate `callLegProfileQueries.all()` too. */
export const systemQueries = {
  all: systemKeys.all,
  status: () =>
    queryOptions({
      queryKey: [...systemKeys.all(), 'status'] as const,
      queryFn: ({ signal }) => getSystemStatus(signal),
    }),
  profiles: () =>
    queryOptions({
      queryKey: [...systemKeys.all(), 'profiles'] as const,
      queryFn: ({ signal }) => getSystemProfiles(signal),
    }),
  /** Every Call Bridge of the cluster. */
  callBridges: () =>
    queryOptions({
      queryKey: systemKeys.callBridges(),
      queryFn: ({ signal }) => listAllCallBridges(signal),
    }),
  callBridge: (id: string) =>
    queryOptions({
      queryKey: [...systemKeys.callBridges(), id] as const,
      queryFn: ({ signal }) => getCallBridge(id, signal),
    }),
};
