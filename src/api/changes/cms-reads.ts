import { z } from 'zod';
import type { Operation } from '../resources/operations';
import { targetOf, type WrittenKind } from '../resources/operation-facts';
import { apiPath, type WireParams } from '../transport/client';
import { cmsClient } from '../transport/cms-client';
import { isNotFound } from '../transport/errors';
import { collectAll } from '../transport/paging';
import { flatten } from '../wire/xml';

export type ReadFields = Record<string, unknown>;

export interface ObjectRead {
  /** under /api/v1 */
  path: string;
  status: number;
  /** null: CMS says the object does not exist */
  fields: ReadFields | null;
}

/** GET one object. CMS's `<xDoesNotExist/>` (404, or 400 for a nested one) reads as gone; any other failure throws. */
export async function readObject(path: string, signal?: AbortSignal): Promise<ObjectRead> {
  const full = apiPath(path);
  try {
    const answer = await cmsClient().request({ method: 'GET', path: full, ...(signal ? { signal } : {}) });
    return { path: full, status: answer.status, fields: answer.xml ? flatten(answer.xml.node) : {} };
  } catch (error) {
    if (isNotFound(error)) return { path: full, status: error.status ?? 404, fields: null };
    throw error;
  }
}

const anyEntry = z.record(z.string(), z.unknown());

/** Every entry of a collection (all pages), with the fields its list shows. */
export async function readCollection(path: string, item: string, query: WireParams = {}, signal?: AbortSignal): Promise<ReadFields[]> {
  const { items } = await collectAll(cmsClient(), path, { item, schema: anyEntry, query, ...(signal ? { signal } : {}) });
  return items;
}

/** The element of one entry of each kind's collection. */
const ELEMENT: Record<Exclude<WrittenKind, 'systemProfiles'>, string> = {
  coSpace: 'coSpace',
  accessMethod: 'accessMethod',
  coSpaceUser: 'coSpaceUser',
  callLegProfile: 'callLegProfile',
  callProfile: 'callProfile',
  tenant: 'tenant',
  call: 'call',
  callLeg: 'callLeg',
  cospaceBulkParameterSet: 'cospaceBulkParameterSet',
  cospaceBulkSync: 'cospaceBulkSync',
  coSpaceTemplate: 'coSpaceTemplate',
  accessMethodTemplate: 'accessMethodTemplate',
  userCoSpaceTemplate: 'userCoSpaceTemplate',
  ldapUserCoSpaceTemplateSource: 'ldapUserCoSpaceTemplateSource',
};

export function elementOf(kind: WrittenKind): string {
  if (kind === 'systemProfiles') throw new TypeError('/system/profiles is one object, not a collection.');
  return ELEMENT[kind];
}

/** Where the object a write touches lives: the object itself for PUT and DELETE, the new one (`createdId`) for a POST. */
export function objectPathOf(op: Operation, createdId?: string): string {
  const { method, path } = targetOf(op);
  if (method !== 'POST') return apiPath(path);
  if (createdId === undefined) throw new TypeError('A POST names its object only once CMS gave its id.');
  // A dial-out is POSTed under its call, but the leg lives at /callLegs/<id>.
  return apiPath(op.op === 'createCallLeg' ? `/callLegs/${createdId}` : `${path}/${createdId}`);
}
