import { describe, expect, it } from 'vitest';
import { dumpCms } from '../../testing/cms-dump';
import { journalWritesOf } from '../../testing/journal-records';
import { LAB, withMockCms } from '../../testing/mock-cms';
import { getAccessMethod, getSpace, getSpaceMember, listAllAccessMethods, listAllSpaceMembers, listAllSpaces, updateSpace } from '../resources/spaces';
import { applyChanges } from './apply-changes';
import type { ChangeLedger, ChangePlan, ChangeStep } from './types';
import { planUndo, undoChangePlan, type UndoPlan } from './undo-plan';

const { journal } = withMockCms();

const origin = { kind: 'page', name: 'undo-test' } as const;
const options = { resendDelayMs: 1 };

async function run(title: string, ...steps: ChangeStep[]): Promise<ChangeLedger> {
  const ledger = await applyChanges({ origin, title, steps } satisfies ChangePlan, options);
  expect(ledger.state).toBe('applied');
  return ledger;
}

/** Plans the undo of a run from what the journal recorded, as History does. */
async function plan(ledger: ChangeLedger): Promise<UndoPlan> {
  const recorded = journal().runs.find((r) => r.id === ledger.runId);
  if (!recorded) throw new Error('the run is not in the journal');
  return planUndo({ id: recorded.id, title: recorded.title, spaces: recorded.spaces }, journalWritesOf(recorded));
}

const methodsOf = async (space: string) => Promise.all((await listAllAccessMethods(space)).items.map((m) => getAccessMethod(space, m.id ?? '')));
const membersOf = async (space: string) => Promise.all((await listAllSpaceMembers(space)).items.map((m) => getSpaceMember(space, m.id ?? '')));

/** What the admin set: without what CMS gives a new object (id, secret) or derives (ownerId). */
const settingsOf = (o: object) => Object.fromEntries(Object.entries(o).filter(([name]) => !['id', 'secret', 'ownerId'].includes(name)));

const summary = (p: UndoPlan) => p.items.map((i) => [i.status, i.title]);

describe('Undo this run: the inverse planned from the journal, checked by reading CMS first', () => {
  it('a run that created a profile, a space using it and an access method is undone newest first, and CMS equals the dump from before', async () => {
    const before = await dumpCms();
    const ledger = await run(
      'Create',
      { key: 'profile', title: 'Create the host profile', operation: { op: 'createCallLegProfile', form: { name: 'Undo host', needsActivation: false } }, creates: 'profile' },
      { key: 'space', title: 'Create the space', operation: { op: 'createSpace', form: { name: 'Undo', uri: 'undo.one', callId: '7100', callLegProfile: { ref: 'profile' } } }, creates: 'space' },
      { key: 'host', title: 'Add the host way in', operation: { op: 'createAccessMethod', space: { ref: 'space' }, form: { uri: 'undo.host', passcode: '4321', callLegProfile: { ref: 'profile' } } } },
    );
    const undo = await plan(ledger);
    expect(undo.items.map((i) => i.status)).toEqual(['ready', 'ready', 'ready']);
    expect(undo.items.map((i) => i.step?.operation.op)).toEqual(['deleteAccessMethod', 'deleteSpace', 'deleteCallLegProfile']);
    const undone = await applyChanges(undoChangePlan(undo), options);
    expect(undone.state).toBe('applied');
    expect(await dumpCms()).toEqual(before);
    expect(journal().runs.at(-1)).toMatchObject({ origin: { kind: 'undo', undoesRunId: ledger.runId }, title: 'Undo: Create', state: 'applied' });
  });

  it('a PUT is put back with the values from before; the undo journals what CMS held as its own before, so it can be undone too', async () => {
    const before = await dumpCms();
    const ledger = await run('Rename', {
      key: 'space',
      title: 'Rename',
      operation: { op: 'updateSpace', space: LAB.coSpaces.guest, form: { name: 'Renamed', passcode: '5555' }, before: { name: 'Guest.space', passcode: '' } },
    });
    const undo = await plan(ledger);
    expect(undo.items).toMatchObject([{ status: 'ready', step: { operation: { op: 'updateSpace', form: { name: 'Guest.space', passcode: '' }, before: { name: 'Renamed', passcode: '5555' } } } }]);
    const undone = await applyChanges(undoChangePlan(undo), options);
    expect(await dumpCms()).toEqual(before);
    const again = await plan(undone);
    expect(again.items).toMatchObject([{ status: 'ready', step: { operation: { form: { name: 'Renamed', passcode: '5555' } } } }]);
  });

  it('an object changed since the run is a conflict: skipped it stays as it is now, restored anyway it gets the values from before', async () => {
    const ledger = await run('Rename', { key: 'space', title: 'Rename', operation: { op: 'updateSpace', space: LAB.coSpaces.guest, form: { name: 'Renamed' }, before: { name: 'Guest.space' } } });
    await updateSpace(LAB.coSpaces.guest, { name: 'Someone else' });
    const undo = await plan(ledger);
    expect(undo.items).toMatchObject([{ status: 'conflict', changes: [{ field: 'name', left: 'Renamed', now: 'Someone else' }] }]);
    expect(undo.items[0]?.sentence).toContain('name is now Someone else (the run left Renamed)');
    expect(undoChangePlan(undo).steps).toEqual([]);
    await applyChanges(undoChangePlan(undo, new Set([undo.items[0]?.seq ?? 0])), options);
    expect((await getSpace(LAB.coSpaces.guest)).name).toBe('Guest.space');
  });

  it('what is as before already is not written again; a created object changed since is a conflict', async () => {
    const ledger = await run(
      'Two',
      { key: 'a', title: 'Create a', operation: { op: 'createSpace', form: { name: 'A', uri: 'undo.a' } }, creates: 'a' },
      { key: 'b', title: 'Create b', operation: { op: 'createSpace', form: { name: 'B', uri: 'undo.b' } }, creates: 'b' },
    );
    await applyChanges({ origin, title: 'Delete a', steps: [{ key: 'x', title: 'Delete a', operation: { op: 'deleteSpace', space: ledger.refs.a ?? '' } }] }, options);
    await updateSpace(ledger.refs.b ?? '', { name: 'B changed' });
    const undo = await plan(ledger);
    expect(summary(undo).map(([status]) => status)).toEqual(['conflict', 'done-already']);
    expect(undo.items[0]?.sentence).toContain('name is now B changed');
  });

  it('a deleted space with its access method and member comes back as a new space with the same settings; the review says CMS gives it a new id and secret', async () => {
    const space = LAB.coSpaces.global;
    const methods = await methodsOf(space);
    const members = await membersOf(space);
    const old = await getSpace(space);
    const ledger = await run(
      'Delete Global',
      ...members.map((m): ChangeStep => ({ key: `m:${m.id}`, title: 'Delete a member', operation: { op: 'deleteSpaceMember', space, member: m.id ?? '' } })),
      ...methods.map((m): ChangeStep => ({ key: `a:${m.id}`, title: 'Delete an access method', operation: { op: 'deleteAccessMethod', space, accessMethod: m.id ?? '' } })),
      { key: 'space', title: 'Delete the space', operation: { op: 'deleteSpace', space } },
    );
    const undo = await plan(ledger);
    expect(undo.items.map((i) => [i.status, i.step?.operation.op])).toEqual([
      ['ready', 'createSpace'],
      ...methods.map(() => ['ready', 'createAccessMethod']),
      ...members.map(() => ['ready', 'createSpaceMember']),
    ]);
    expect(undo.items[0]?.notes.join(' ')).toContain('new id and a new secret');
    const undone = await applyChanges(undoChangePlan(undo), options);
    expect(undone.state).toBe('applied');
    const [back] = (await listAllSpaces({ filter: old.uri ?? '' })).items.filter((s) => s.uri === old.uri);
    expect(back?.id).not.toBe(space);
    const fresh = await getSpace(back?.id ?? '');
    expect(settingsOf(fresh)).toEqual(settingsOf(old));
    expect(fresh.secret).not.toBe(old.secret);
    expect((await methodsOf(back?.id ?? '')).map(settingsOf)).toEqual(methods.map(settingsOf));
    expect((await membersOf(back?.id ?? '')).map(settingsOf)).toEqual(members.map(settingsOf));
  });

  it('a created space that someone added a member to since is a conflict: deleting it would remove the member too', async () => {
    const ledger = await run(
      'Made',
      { key: 'a', title: 'Create a', operation: { op: 'createSpace', form: { name: 'A', uri: 'undo.kids' } }, creates: 'a' },
      { key: 'm', title: 'Own host', operation: { op: 'createSpaceMember', space: { ref: 'a' }, form: { userJid: 'stejanss.movi@steven.lab' } } },
    );
    expect((await plan(ledger)).items.map((i) => i.status)).toEqual(['ready', 'ready']);
    await run('Someone else', { key: 'm', title: 'Add user1', operation: { op: 'createSpaceMember', space: ledger.refs.a ?? '', form: { userJid: 'user1@evacanoalone.net' } } });
    const undo = await plan(ledger);
    expect(undo.items.map((i) => i.status)).toEqual(['ready', 'conflict']);
    expect(undo.items[1]?.sentence).toMatch(/1 member added since \([0-9a-f-]{36}\) would go with it/);
  });

  it('a deleted space whose URI another space took since is a conflict', async () => {
    const old = await getSpace(LAB.coSpaces.guest);
    const ledger = await run('Delete', { key: 'space', title: 'Delete the space', operation: { op: 'deleteSpace', space: LAB.coSpaces.guest } });
    await run('Take the URI', { key: 's', title: 'New', operation: { op: 'createSpace', form: { name: 'Taker', uri: old.uri ?? '' } } });
    const undo = await plan(ledger);
    expect(undo.items).toMatchObject([{ status: 'conflict' }]);
    expect(undo.items[0]?.sentence).toContain('guest.space');
  });

  it('a run its own rollback undid has nothing left to undo', async () => {
    const { rollbackChanges } = await import('./rollback');
    const ledger = await run('Made', { key: 'a', title: 'Create a', operation: { op: 'createSpace', form: { name: 'A', uri: 'undo.rolled' } }, creates: 'a' });
    await rollbackChanges(ledger, options);
    expect((await plan(ledger)).items).toEqual([]);
  });
});
