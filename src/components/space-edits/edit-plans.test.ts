import { describe, expect, it } from 'vitest';
import { applyChanges } from '../../api/changes/apply-changes';
import { planUndo, undoChangePlan } from '../../api/changes/undo-plan';
import { getAccessMethod, getSpace, listAllAccessMethods } from '../../api/resources/spaces';
import { dumpCms } from '../../testing/cms-dump';
import { journalWritesOf } from '../../testing/journal-records';
import { LAB, withMockCms } from '../../testing/mock-cms';
import { changedFields } from '../../api/params/edit-form';
import { currentValues, deletePlan, editPlan, editSchema, type EditTarget } from './edit-plans';

const { journal } = withMockCms();

async function undoLastRun() {
  const run = journal().runs.at(-1);
  if (!run) throw new Error('no run');
  const plan = await planUndo(run, journalWritesOf(run));
  return applyChanges(undoChangePlan(plan), { resendDelayMs: 1 });
}

const spaceTarget = async (): Promise<EditTarget> => ({ kind: 'space', space: { ...(await getSpace(LAB.coSpaces.guestPin)), id: LAB.coSpaces.guestPin } });

describe('edit and delete from the space page', () => {
  it('the form checks each value as CMS would, and only the fields the admin changed are sent, with what they held before', async () => {
    const target = await spaceTarget();
    const before = currentValues(target);
    expect(editSchema(target).safeParse({ ...before, callId: '12a' }).error?.issues[0]?.message).toBe('The callId can contain digits only.');
    const changed = changedFields(before, { ...before, name: 'Renamed pin space', passcode: '2468' });
    expect(changed).toEqual({ name: 'Renamed pin space', passcode: '2468' });
    const plan = editPlan(target, changed, 'guestpin.space');
    expect(plan.origin).toEqual({ kind: 'page', name: 'space/edit-space' });
    expect(plan.steps[0]?.operation).toMatchObject({ op: 'updateSpace', form: { name: 'Renamed pin space', passcode: '2468' }, before: { name: before.name, passcode: before.passcode } });
    const dump = await dumpCms();
    await applyChanges(plan);
    expect(await getSpace(LAB.coSpaces.guestPin)).toMatchObject({ name: 'Renamed pin space', passcode: '2468' });
    expect(journal().runs[0]?.writes[0]?.intent.form).toEqual({ name: 'Renamed pin space', passcode: '2468' });
    expect((await undoLastRun()).state).toBe('applied');
    expect(await dumpCms()).toEqual(dump);
  });

  it('a deleted access method comes back with its settings from undo', async () => {
    const item = await getAccessMethod(LAB.coSpaces.guestPin, LAB.accessMethods.guestPinHost);
    await applyChanges(deletePlan({ kind: 'accessMethod', spaceId: LAB.coSpaces.guestPin, item: { ...item, id: LAB.accessMethods.guestPinHost } }, 'guestpin.space'));
    expect((await listAllAccessMethods(LAB.coSpaces.guestPin)).items).toEqual([]);
    expect((await undoLastRun()).state).toBe('applied');
    const [back] = (await listAllAccessMethods(LAB.coSpaces.guestPin)).items;
    const again = await getAccessMethod(LAB.coSpaces.guestPin, back?.id ?? '');
    expect({ ...again, id: undefined, secret: undefined }).toEqual({ ...item, id: undefined, secret: undefined });
  });

  it('a space is deleted after its members and access methods, each on its own', async () => {
    const target: EditTarget = { kind: 'space', space: { id: 'sp' } };
    const plan = deletePlan(target, 'x', { members: [{ id: 'm1', userJid: 'a@b' }], accessMethods: [{ id: 'a1' }] });
    expect(plan.steps.map((s) => s.operation.op)).toEqual(['deleteSpaceMember', 'deleteAccessMethod', 'deleteSpace']);
  });
});
