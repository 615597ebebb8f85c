import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  bulkQueries,
  createBulkParameterSet,
  deleteBulkParameterSet,
  describeSyncStatus,
  expandMapping,
  getBulkSync,
  isSyncFinished,
  listAllBulkParameterSets,
  listAllBulkSyncs,
  mappingPrefix,
  mappingSyntaxError,
  startBulkSync,
} from './bulk';
import { listAllSpaces } from './spaces';
import { LAB, withMockCms } from '../../testing/mock-cms';

withMockCms();

/** The mock runs a sync in timed steps (pending, running, done): on a fake clock they all go off at once. */
async function finished(id: string) {
  expect(isSyncFinished((await getBulkSync(id)).status)).toBe(false);
  await vi.runAllTimersAsync();
  const sync = await getBulkSync(id);
  if (!isSyncFinished(sync.status)) throw new Error(`sync still ${sync.status ?? '?'}`);
  return sync.status;
}
afterEach(() => vi.useRealTimers());

describe('bulk spaces', () => {
  it('expands mappings as CMS does', () => {
    expect(expandMapping('Room $index$', 7)).toBe('Room 7');
    expect(expandMapping('TMS_Scheduled_Meeting_', 3)).toBe('TMS_Scheduled_Meeting_3');
    expect(expandMapping('cost\\$$index$\\\\x', 2)).toBe('cost$2\\x');
    expect(mappingSyntaxError('a$b')).toMatch(/\$/);
    expect(mappingSyntaxError('a\\')).toMatch(/lone/);
    expect(mappingSyntaxError('a\\$$index$')).toBeUndefined();
    expect(mappingPrefix('room.$index$.x')).toBe('room.');
    expect(mappingPrefix('TMS_Scheduled_Meeting_')).toBe('TMS_Scheduled_Meeting_');
  });

  it('lists the lab set, creates a set, syncs it and removes it with its spaces', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const before = await listAllBulkParameterSets();
    expect(before.items.map((s) => s.id)).toEqual([LAB.bulk.set]);
    expect((await listAllBulkSyncs()).items[0]).toMatchObject({ cospaceBulkParameterSet: LAB.bulk.set, status: 'complete' });

    const id = await createBulkParameterSet({ startIndex: 1, endIndex: 3, coSpaceNameMapping: 'Bulk $index$', coSpaceUriMapping: 'bulk.$index$' });
    expect(await finished(await startBulkSync({ cospaceBulkParameterSet: id }))).toBe('complete');
    expect((await listAllSpaces({ filter: 'bulk.' })).items.map((s) => s.uri)).toEqual(['bulk.1', 'bulk.2', 'bulk.3']);

    expect(await finished(await startBulkSync({ cospaceBulkParameterSet: id, removeAll: true }))).toBe('complete');
    expect((await listAllSpaces({ filter: 'bulk.' })).total).toBe(0);
    await deleteBulkParameterSet(id);
    expect((await listAllBulkParameterSets()).total).toBe(1);
  });

  it('names every failure in plain words', () => {
    expect(describeSyncStatus('failedCoSpaceUriConflict').title).toBe('Failed: URI conflict');
    expect(describeSyncStatus('failedCallIdConflict').title).toBe('Failed: call ID conflict');
    expect(describeSyncStatus('failedIndexRangeInvalid').title).toBe('Failed: index range invalid');
    expect(describeSyncStatus('failedIndexRangeTooGreat').title).toBe('Failed: index range too large');
    expect(isSyncFinished('running')).toBe(false);
    expect(bulkQueries.sync('x').queryKey.slice(0, 2)).toEqual(bulkQueries.all());
  });
});
