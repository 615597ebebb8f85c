import { queryOptions } from '@tanstack/react-query';
import type { CmsCollection } from '../transport/client';
import { cmsClient } from '../transport/cms-client';
import { fetchEveryPage, fetchPage, type EveryPage, type PageParams } from '../transport/collection';
import type { tenantParams } from '../params/tenant';
import { pathSegment } from '../transport/path-segment';
import { tenantSchema, type Tenant } from '../params/schemas';
import { toWire, type CreateForm, type WriteForm } from '../params/write-form';

export type TenantForm = WriteForm<typeof tenantParams>;
export type NewTenantForm = CreateForm<typeof tenantParams>;

export type TenantListParams = PageParams & { filter?: string; callLegProfileFilter?: string };

const tenantPath = (id: string) => `tenants/${pathSegment(id)}`;
const tenants = { path: 'tenants', item: 'tenant', schema: tenantSchema };

export function listTenants(params: TenantListParams = {}, signal?: AbortSignal): Promise<CmsCollection<Tenant>> {
  return fetchPage(tenants, params, signal);
}

export function listAllTenants(params: EveryPage<TenantListParams> = {}, signal?: AbortSignal): Promise<CmsCollection<Tenant>> {
  return fetchEveryPage(tenants, params, signal);
}

export function getTenant(id: string, signal?: AbortSignal): Promise<Tenant> {
  return cmsClient().get(tenantPath(id), tenantSchema, undefined, signal);
}

/** Answers the new tenant's id. */
export function createTenant(form: NewTenantForm, signal?: AbortSignal): Promise<string> {
  return cmsClient().create('tenants', toWire(form), signal);
}

/** Sends only the fields given: `undefined` leaves a value as it is, `''` unsets it. */
export function updateTenant(id: string, form: TenantForm, signal?: AbortSignal): Promise<void> {
  return cmsClient().update(tenantPath(id), toWire(form), signal);
}

export function deleteTenant(id: string, signal?: AbortSignal): Promise<void> {
  return cmsClient().remove(tenantPath(id), signal);
}

// No connection target in the keys: switching to another CMS clears the whole ['cms'] cache.
const tenantKeys = {
  all: () => ['cms', 'tenants'] as const,
  lists: () => [...tenantKeys.all(), 'list'] as const,
  details: () => [...tenantKeys.all(), 'detail'] as const,
  detail: (id: string) => [...tenantKeys.details(), id] as const,
};

export const tenantQueries = {
  all: tenantKeys.all,
  lists: tenantKeys.lists,
  listAll: (params: EveryPage<TenantListParams> = {}) =>
    queryOptions({
      queryKey: [...tenantKeys.lists(), 'all', params] as const,
      queryFn: ({ signal }) => listAllTenants(params, signal),
    }),
  details: tenantKeys.details,
  detail: (id: string) =>
    queryOptions({
      queryKey: tenantKeys.detail(id),
      queryFn: ({ signal }) => getTenant(id, signal),
    }),
};
