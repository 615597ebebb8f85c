import { queryOptions } from '@tanstack/react-query';
import type { CmsCollection } from '../transport/client';
import { cmsClient } from '../transport/cms-client';
import { fetchEveryPage, fetchPage, type EveryPage, type PageParams } from '../transport/collection';
import type { accessMethodTemplateParams, coSpaceTemplateParams, ldapUserCoSpaceTemplateSourceParams, userCoSpaceTemplateParams } from '../params/co-space-template';
import { pathSegment } from '../transport/path-segment';
import {
  accessMethodTemplateSchema,
  coSpaceTemplateSchema,
  ldapUserCoSpaceTemplateSourceSchema,
  userCoSpaceTemplateSchema,
  type AccessMethodTemplate,
  type CoSpaceTemplate,
  type LdapUserCoSpaceTemplateSource,
  type UserCoSpaceTemplate,
} from '../params/schemas';
import { toWire, type CreateForm, type WriteForm } from '../params/write-form';

export type CoSpaceTemplateForm = WriteForm<typeof coSpaceTemplateParams>;
export type NewCoSpaceTemplateForm = CreateForm<typeof coSpaceTemplateParams>;
export type AccessMethodTemplateForm = WriteForm<typeof accessMethodTemplateParams>;
export type NewAccessMethodTemplateForm = CreateForm<typeof accessMethodTemplateParams>;
export type UserCoSpaceTemplateForm = WriteForm<typeof userCoSpaceTemplateParams>;
export type NewUserCoSpaceTemplateForm = CreateForm<typeof userCoSpaceTemplateParams>;
export type LdapUserCoSpaceTemplateSourceForm = WriteForm<typeof ldapUserCoSpaceTemplateSourceParams>;
export type NewLdapUserCoSpaceTemplateSourceForm = CreateForm<typeof ldapUserCoSpaceTemplateSourceParams>;

export type CoSpaceTemplateListParams = PageParams & { filter?: string };
export type AccessMethodTemplateListParams = PageParams & { filter?: string; callLegProfileFilter?: string };

const templatePath = (id: string) => `coSpaceTemplates/${pathSegment(id)}`;
const templates = { path: 'coSpaceTemplates', item: 'coSpaceTemplate', schema: coSpaceTemplateSchema };
const accessMethodTemplates = (templateId: string) => ({
  path: `${templatePath(templateId)}/accessMethodTemplates`,
  item: 'accessMethodTemplate',
  schema: accessMethodTemplateSchema,
});
const userTemplates = (userId: string) => ({
  path: `users/${pathSegment(userId)}/userCoSpaceTemplates`,
  item: 'userCoSpaceTemplate',
  schema: userCoSpaceTemplateSchema,
});
const ldapSources = { path: 'ldapUserCoSpaceTemplateSources', item: 'ldapUserCoSpaceTemplateSource', schema: ldapUserCoSpaceTemplateSourceSchema };

export function listCoSpaceTemplates(params: CoSpaceTemplateListParams = {}, signal?: AbortSignal): Promise<CmsCollection<CoSpaceTemplate>> {
  return fetchPage(templates, params, signal);
}

export function listAllCoSpaceTemplates(
  params: EveryPage<CoSpaceTemplateListParams> = {},
  signal?: AbortSignal,
): Promise<CmsCollection<CoSpaceTemplate>> {
  return fetchEveryPage(templates, params, signal);
}

export function getCoSpaceTemplate(id: string, signal?: AbortSignal): Promise<CoSpaceTemplate> {
  return cmsClient().get(templatePath(id), coSpaceTemplateSchema, undefined, signal);
}

/** Answers the new template's id. */
export function createCoSpaceTemplate(form: NewCoSpaceTemplateForm, signal?: AbortSignal): Promise<string> {
  return cmsClient().create('coSpaceTemplates', toWire(form), signal);
}

/** Sends only the fields given: `undefined` leaves a value as it is, `''` unsets it. */
export function updateCoSpaceTemplate(id: string, form: CoSpaceTemplateForm, signal?: AbortSignal): Promise<void> {
  return cmsClient().update(templatePath(id), toWire(form), signal);
}

/** Spaces already made from the template keep their settings; its access method templates go with it. */
export function deleteCoSpaceTemplate(id: string, signal?: AbortSignal): Promise<void> {
  return cmsClient().remove(templatePath(id), signal);
}

export function listAllAccessMethodTemplates(
  templateId: string,
  params: EveryPage<AccessMethodTemplateListParams> = {},
  signal?: AbortSignal,
): Promise<CmsCollection<AccessMethodTemplate>> {
  return fetchEveryPage(accessMethodTemplates(templateId), params, signal);
}

export function getAccessMethodTemplate(templateId: string, id: string, signal?: AbortSignal): Promise<AccessMethodTemplate> {
  return cmsClient().get(`${accessMethodTemplates(templateId).path}/${pathSegment(id)}`, accessMethodTemplateSchema, undefined, signal);
}

/** Answers the new access method template's id. */
export function createAccessMethodTemplate(templateId: string, form: NewAccessMethodTemplateForm, signal?: AbortSignal): Promise<string> {
  return cmsClient().create(accessMethodTemplates(templateId).path, toWire(form), signal);
}

export function updateAccessMethodTemplate(templateId: string, id: string, form: AccessMethodTemplateForm, signal?: AbortSignal): Promise<void> {
  return cmsClient().update(`${accessMethodTemplates(templateId).path}/${pathSegment(id)}`, toWire(form), signal);
}

export function deleteAccessMethodTemplate(templateId: string, id: string, signal?: AbortSignal): Promise<void> {
  return cmsClient().remove(`${accessMethodTemplates(templateId).path}/${pathSegment(id)}`, signal);
}

/** The templates a user may make spaces from in the web app. */
export function listAllUserCoSpaceTemplates(userId: string, params: EveryPage<PageParams> = {}, signal?: AbortSignal): Promise<CmsCollection<UserCoSpaceTemplate>> {
  return fetchEveryPage(userTemplates(userId), params, signal);
}

/** Answers the assignment's id; assigning the same template twice is refused (duplicateUserCoSpaceTemplate). */
export function assignCoSpaceTemplate(userId: string, form: NewUserCoSpaceTemplateForm, signal?: AbortSignal): Promise<string> {
  return cmsClient().create(userTemplates(userId).path, toWire(form), signal);
}

export function updateUserCoSpaceTemplate(userId: string, id: string, form: UserCoSpaceTemplateForm, signal?: AbortSignal): Promise<void> {
  return cmsClient().update(`${userTemplates(userId).path}/${pathSegment(id)}`, toWire(form), signal);
}

/** An assignment an LDAP sync made cannot be withdrawn here (userCoSpaceTemplateDeletionProhibited). */
export function withdrawCoSpaceTemplate(userId: string, id: string, signal?: AbortSignal): Promise<void> {
  return cmsClient().remove(`${userTemplates(userId).path}/${pathSegment(id)}`, signal);
}

export function listAllLdapUserCoSpaceTemplateSources(
  params: EveryPage<PageParams> = {},
  signal?: AbortSignal,
): Promise<CmsCollection<LdapUserCoSpaceTemplateSource>> {
  return fetchEveryPage(ldapSources, params, signal);
}

/** Answers the new source's id. */
export function createLdapUserCoSpaceTemplateSource(form: NewLdapUserCoSpaceTemplateSourceForm, signal?: AbortSignal): Promise<string> {
  return cmsClient().create(ldapSources.path, toWire(form), signal);
}

export function updateLdapUserCoSpaceTemplateSource(id: string, form: LdapUserCoSpaceTemplateSourceForm, signal?: AbortSignal): Promise<void> {
  return cmsClient().update(`${ldapSources.path}/${pathSegment(id)}`, toWire(form), signal);
}

export function deleteLdapUserCoSpaceTemplateSource(id: string, signal?: AbortSignal): Promise<void> {
  return cmsClient().remove(`${ldapSources.path}/${pathSegment(id)}`, signal);
}

// No connection target in the keys: switching to another CMS clears the whole ['cms'] cache.
const templateKeys = {
  all: () => ['cms', 'coSpaceTemplates'] as const,
  lists: () => [...templateKeys.all(), 'list'] as const,
  details: () => [...templateKeys.all(), 'detail'] as const,
  detail: (id: string) => [...templateKeys.details(), id.toLowerCase()] as const,
};

/**
 * After a write, invalidate by prefix: a template's create/delete → `lists()`; its update →
 * `lists()` and `detail(id)`; an access method template write → `detail(templateId)` and `lists()`
 * (numAccessMethodTemplates changes). User assignments live under `['cms', 'users']`.
 */
export const coSpaceTemplateQueries = {
  all: templateKeys.all,
  lists: templateKeys.lists,
  listAll: (params: EveryPage<CoSpaceTemplateListParams> = {}) =>
    queryOptions({
      queryKey: [...templateKeys.lists(), 'all', params] as const,
      queryFn: ({ signal }) => listAllCoSpaceTemplates(params, signal),
    }),
  details: templateKeys.details,
  detail: (id: string) =>
    queryOptions({
      queryKey: templateKeys.detail(id),
      queryFn: ({ signal }) => getCoSpaceTemplate(id, signal),
    }),
  accessMethodTemplates: (templateId: string) =>
    queryOptions({
      queryKey: [...templateKeys.detail(templateId), 'accessMethodTemplates'] as const,
      queryFn: ({ signal }) => listAllAccessMethodTemplates(templateId, {}, signal),
    }),
  ldapSources: () =>
    queryOptions({
      queryKey: [...templateKeys.all(), 'ldapSources'] as const,
      queryFn: ({ signal }) => listAllLdapUserCoSpaceTemplateSources({}, signal),
    }),
  /** Under the user's key, so a user's invalidation covers it. */
  ofUser: (userId: string) =>
    queryOptions({
      queryKey: ['cms', 'users', 'detail', userId, 'coSpaceTemplates'] as const,
      queryFn: ({ signal }) => listAllUserCoSpaceTemplates(userId, {}, signal),
    }),
};
