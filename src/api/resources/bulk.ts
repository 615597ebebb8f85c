import { queryOptions } from '@tanstack/react-query';
import type { CmsCollection } from '../transport/client';
import { cmsClient } from '../transport/cms-client';
import { fetchEveryPage } from '../transport/collection';
import type { cospaceBulkParameterSetParams } from '../params/cospace-bulk-parameter-set';
import type { cospaceBulkSyncParams } from '../params/cospace-bulk-sync';
import { pathSegment } from '../transport/path-segment';
import {
  cospaceBulkParameterSetSchema,
  cospaceBulkSyncSchema,
  type CospaceBulkParameterSet,
  type CospaceBulkSync,
} from '../params/schemas';
import { toWire, type CreateForm } from '../params/write-form';

export type NewBulkParameterSetForm = CreateForm<typeof cospaceBulkParameterSetParams>;
export type NewBulkSyncForm = CreateForm<typeof cospaceBulkSyncParams>;
export type BulkSyncStatus = NonNullable<CospaceBulkSync['status']>;

const setPath = (id: string) => `cospaceBulkParameterSets/${pathSegment(id)}`;
const syncPath = (id: string) => `cospaceBulkSyncs/${pathSegment(id)}`;
const sets = { path: 'cospaceBulkParameterSets', item: 'cospaceBulkParameterSet', schema: cospaceBulkParameterSetSchema };
const syncs = { path: 'cospaceBulkSyncs', item: 'cospaceBulkSync', schema: cospaceBulkSyncSchema };

// --- parameter sets ---

export function listAllBulkParameterSets(signal?: AbortSignal): Promise<CmsCollection<CospaceBulkParameterSet>> {
  return fetchEveryPage(sets, {}, signal);
}

/** Answers the new set's id; nothing is created until a sync runs it. */
export function createBulkParameterSet(form: NewBulkParameterSetForm, signal?: AbortSignal): Promise<string> {
  return cmsClient().create('cospaceBulkParameterSets', toWire(form), signal);
}

/** Removes the set only: the spaces it made stay unless a `removeAll` sync ran first. */
export function deleteBulkParameterSet(id: string, signal?: AbortSignal): Promise<void> {
  return cmsClient().remove(setPath(id), signal);
}

// --- syncs ---

export function listAllBulkSyncs(signal?: AbortSignal): Promise<CmsCollection<CospaceBulkSync>> {
  return fetchEveryPage(syncs, {}, signal);
}

export function getBulkSync(id: string, signal?: AbortSignal): Promise<CospaceBulkSync> {
  return cmsClient().get(syncPath(id), cospaceBulkSyncSchema, undefined, signal);
}

/**
 * Queues a sync of the set and answers its id; CMS runs it asynchronously (`status` goes pending →
 * running → complete or a failure). `removeAll` removes the set's spaces instead of (re)creating them.
 */
export function startBulkSync(form: NewBulkSyncForm, signal?: AbortSignal): Promise<string> {
  return cmsClient().create('cospaceBulkSyncs', toWire(form), signal);
}

export function isSyncFinished(status: BulkSyncStatus | undefined): boolean {
  return status !== undefined && status !== 'pending' && status !== 'running';
}

/** What a sync status means, in plain words (blueprint: "Retrieving the bulk sync operations"). */
export function describeSyncStatus(status: BulkSyncStatus | undefined): { severity: 'info' | 'success' | 'error'; title: string; text: string } {
  switch (status) {
    case undefined:
    case 'pending':
      return { severity: 'info', title: 'Queued', text: 'CMS has queued the sync and will run it as soon as it can.' };
    case 'running':
      return { severity: 'info', title: 'Running', text: 'CMS is creating, replacing or removing the spaces of the set.' };
    case 'complete':
      return { severity: 'success', title: 'Complete', text: 'CMS finished the sync.' };
    case 'failedCoSpaceUriConflict':
      return {
        severity: 'error',
        title: 'Failed: URI conflict',
        text: 'A URI made by the URI mapping is already used by another space or access method. Change the URI mapping or the index range, then sync again.',
      };
    case 'failedCallIdConflict':
      return {
        severity: 'error',
        title: 'Failed: call ID conflict',
        text: 'A call ID made by the call ID mapping is already used by another space or access method. Change the call ID mapping or the index range, then sync again.',
      };
    case 'failedIndexRangeInvalid':
      return { severity: 'error', title: 'Failed: index range invalid', text: 'The start index is greater than the end index. Fix the range, then sync again.' };
    case 'failedIndexRangeTooGreat':
      return {
        severity: 'error',
        title: 'Failed: index range too large',
        text: 'CMS refuses to make that many spaces from one set. Split the range over several sets.',
      };
    case 'failedNoSuchParameterSet':
      return { severity: 'error', title: 'Failed: no such parameter set', text: 'The parameter set of this sync does not exist (any more).' };
    case 'failed':
      return { severity: 'error', title: 'Failed', text: 'CMS reports that the sync failed, without naming a reason. Check the CMS log.' };
  }
}

/**
 * A mapping applied to one index: `$index$` becomes the index, `\$` and `\\` write `$` and `\`.
 * A mapping without `$index$` gets the index appended: TMS sends `TMS_Scheduled_Meeting_` and CMS
 * names the spaces `TMS_Scheduled_Meeting_1`, `_2`, …
 */
export function expandMapping(mapping: string, index: number): string {
  const unescape = (part: string) => part.replace(/\\(.)/g, '$1');
  if (!mapping.includes('$index$')) return unescape(mapping) + String(index);
  return mapping.split('$index$').map(unescape).join(String(index));
}

/** Where a mapping breaks its syntax: a lone `$`, or a trailing `\`; undefined when it is well formed. */
export function mappingSyntaxError(mapping: string): string | undefined {
  const rest = mapping.split('$index$').join('');
  for (let i = 0; i < rest.length; i++) {
    const ch = rest[i];
    if (ch === '\\') {
      if (i === rest.length - 1) return 'ends with a lone “\\”; write “\\\\” for a backslash.';
      i++;
    } else if (ch === '$') {
      return 'has a “$” that is not part of $index$; write “\\$” for a dollar sign.';
    }
  }
  return undefined;
}

/** The fixed text in front of `$index$` (unescaped): a `filter` that finds the spaces a mapping made. */
export function mappingPrefix(mapping: string): string {
  const head = mapping.includes('$index$') ? (mapping.split('$index$')[0] ?? '') : mapping;
  return head.replace(/\\(.)/g, '$1');
}

// --- query options ---

// No connection target in the keys: switching to another CMS clears the whole ['cms'] cache.
const bulkKeys = {
  all: () => ['cms', 'bulk'] as const,
  sets: () => [...bulkKeys.all(), 'sets'] as const,
  syncs: () => [...bulkKeys.all(), 'syncs'] as const,
};

/** A sync changes spaces too: invalidate the space lists when one finishes. */
export const bulkQueries = {
  all: bulkKeys.all,
  /** Every parameter set. */
  sets: () =>
    queryOptions({
      queryKey: [...bulkKeys.sets(), 'list'] as const,
      queryFn: ({ signal }) => listAllBulkParameterSets(signal),
    }),
  /** Every sync CMS remembers. */
  syncs: () =>
    queryOptions({
      queryKey: [...bulkKeys.syncs(), 'list'] as const,
      queryFn: ({ signal }) => listAllBulkSyncs(signal),
    }),
  sync: (id: string) =>
    queryOptions({
      queryKey: [...bulkKeys.syncs(), 'detail', id] as const,
      queryFn: ({ signal }) => getBulkSync(id, signal),
    }),
};
