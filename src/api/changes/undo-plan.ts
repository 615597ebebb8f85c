import { accessMethodParams } from '../params/access-method';
import { callLegProfileParams } from '../params/call-leg-profile';
import { callProfileParams } from '../params/call-profile';
import { coSpaceParams } from '../params/co-space';
import { accessMethodTemplateParams, coSpaceTemplateParams, ldapUserCoSpaceTemplateSourceParams, userCoSpaceTemplateParams } from '../params/co-space-template';
import { coSpaceUserParams } from '../params/co-space-user';
import type { ParamTable } from '../params/param-def';
import { inverseOf, irreversibleFields, tableOf, targetOf, uniqueAttributesOf, wireForm, type WrittenKind } from '../resources/operation-facts';
import type { Operation, OperationName } from '../resources/operations';
import type { JournalRun, JournalWrite } from '../wire/journal-contract';
import { writeEffect } from '../wire/journal-contract';
import { getRunDetail } from '../resources/journal';
import { maskValue } from '../wire/secrets';
import { apiPath } from '../transport/client';
import { elementOf, objectPathOf, readCollection, readObject, type ReadFields } from './cms-reads';
import { differingFields, observedValues, readText, sameValue } from './compare';
import { objectLabel, sentence, shownValue } from './labels';
import { recordedOperation, wireOf } from './recorded-operation';
import type { ChangePlan, ChangeStep } from './types';

/**
 * ready: CMS holds what the run left, the undo puts back what was before. conflict: the object
 * changed since the run; the admin skips it or restores anyway. done-already: CMS already holds the
 * state from before. cannot-undo: no write can bring the state back (the reason says why).
 */
export type UndoStatus = 'ready' | 'conflict' | 'done-already' | 'cannot-undo';

/** A field a read shows different from what the run left there. */
export interface FieldChange {
  field: string;
  /** what the run left (wire text; '' unset) */
  left: string;
  now: string;
}

/** How one write of the run is undone, as reads of CMS found it. */
export interface UndoItem {
  /** the recorded write it undoes */
  seq: number;
  status: UndoStatus;
  /** "Delete the space /api/v1/coSpaces/…, which the run created" */
  title: string;
  /** what the read found, in plain words (passcodes masked) */
  sentence: string;
  changes: FieldChange[];
  /** ready and conflict: the write the undo sends */
  step?: ChangeStep;
  /** the step brings back an object the run deleted: its old id, so later steps name the new one */
  recreates?: string;
  /** what the admin should know before applying: new ids and secrets, what cannot come back */
  notes: string[];
}

export interface UndoPlan {
  run: Pick<JournalRun, 'id' | 'title' | 'spaces'>;
  /** newest write first: references are put back before what they point at goes */
  items: UndoItem[];
}

type Recorded = Pick<JournalWrite, 'seq' | 'phase' | 'operation' | 'form' | 'before' | 'after' | 'method' | 'path' | 'objectId' | 'outcome' | 'reconciliation'>;

const sameObject = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Where a recorded write's object lives: a POST's new object, or the path it wrote. */
function objectPathOfRecord(write: Recorded): string | undefined {
  if (write.method !== 'POST') return write.path;
  return write.objectId === undefined ? undefined : `${write.path}/${write.objectId}`;
}

/**
 * The forward writes an undo must consider, newest first: every one that took effect or whose effect
 * is still unknown (reads will tell), less those a rollback of the same run already undid.
 */
export function undoCandidates<W extends Recorded>(writes: readonly W[]): W[] {
  const rolledBack = writes.filter((w) => w.phase === 'rollback' && writeEffect(w) === 'applied');
  const undoneBy = (w: W) => {
    const path = objectPathOfRecord(w);
    return path !== undefined && rolledBack.some((r) => r.seq > w.seq && sameObject(r.path, path) && (w.method === 'POST' ? r.method === 'DELETE' : r.method === w.method));
  };
  return writes.filter((w) => w.phase === 'forward' && writeEffect(w) !== 'not-applied' && !undoneBy(w)).reverse();
}

/** The object a recreated one lives in: the operation's key that names it, and its collection. */
interface Parent {
  key: 'space' | 'template' | 'user';
  collection: string;
  words: string;
}
const inSpace: Parent = { key: 'space', collection: '/coSpaces', words: 'space' };

/** The POST that brings back what a DELETE removed, the table its form is checked against, and its parent. */
const RECREATE: Partial<Record<OperationName, { create: OperationName; table: ParamTable; parent?: Parent }>> = {
  deleteSpace: { create: 'createSpace', table: coSpaceParams },
  deleteAccessMethod: { create: 'createAccessMethod', table: accessMethodParams, parent: inSpace },
  deleteSpaceMember: { create: 'createSpaceMember', table: coSpaceUserParams, parent: inSpace },
  deleteCallLegProfile: { create: 'createCallLegProfile', table: callLegProfileParams },
  deleteCallProfile: { create: 'createCallProfile', table: callProfileParams },
  // A template comes back without the access method templates and assignments CMS deleted with it.
  deleteCoSpaceTemplate: { create: 'createCoSpaceTemplate', table: coSpaceTemplateParams },
  deleteAccessMethodTemplate: {
    create: 'createAccessMethodTemplate',
    table: accessMethodTemplateParams,
    parent: { key: 'template', collection: '/coSpaceTemplates', words: 'template' },
  },
  withdrawCoSpaceTemplate: { create: 'assignCoSpaceTemplate', table: userCoSpaceTemplateParams, parent: { key: 'user', collection: '/users', words: 'user' } },
  deleteLdapTemplateSource: { create: 'createLdapTemplateSource', table: ldapUserCoSpaceTemplateSourceParams },
};

/** A recreated object gets these from CMS, never from the studio: the review says so. */
const NEW_FROM_CMS: Partial<Record<WrittenKind, string>> = {
  coSpace: 'CMS gives the new space a new id and a new secret: guest links with the old secret stop working.',
  accessMethod: 'CMS gives the new access method a new id and a new secret.',
  coSpaceUser: 'CMS gives the new member a new id.',
  callLegProfile: 'CMS gives the new call leg profile a new id.',
  callProfile: 'CMS gives the new call profile a new id.',
  coSpaceTemplate: 'CMS gives the new template a new id; its access method templates and assignments, deleted with it, come back only where this undo recreates them.',
};

function describeChanges(changes: readonly FieldChange[]): string {
  return changes.map((c) => `${c.field} is now ${shownValue(c.field, c.now)} (the run left ${shownValue(c.field, c.left)})`).join('; ');
}

function fieldChanges(op: Operation, left: Readonly<Record<string, string>>, fields: ReadFields): FieldChange[] {
  return differingFields(tableOf(op), left, fields).map(({ field, expected, observed }) => ({ field, left: expected, now: observed }));
}

const item = (write: Recorded, status: UndoStatus, title: string, text: string, extra: Partial<UndoItem> = {}): UndoItem => ({
  seq: write.seq,
  status,
  title,
  sentence: text,
  changes: [],
  notes: [],
  ...extra,
});

/** A POST of the run: its object is deleted, unless it is gone already or changed since. */
async function undoCreate(write: Recorded, op: Operation, runObjects: ReadonlySet<string>, signal?: AbortSignal): Promise<UndoItem> {
  const { kind } = targetOf(op);
  if (write.objectId === undefined) return item(write, 'cannot-undo', `Undo “${write.path}”`, 'Whether this POST took effect is not known and no read found what it created, so there is nothing to delete.');
  const inverse = inverseOf(op, write.objectId);
  const path = objectPathOf(op, write.objectId);
  const what = objectLabel(kind, path);
  if (!inverse) return item(write, 'cannot-undo', `Undo the ${op.op}`, `CMS has no single write that takes back ${what}.`);
  const title = `Delete ${what}, which the run created`;
  const { fields } = await readObject(path, signal);
  if (fields === null) return item(write, 'done-already', title, `${sentence(what)} is gone already.`);
  const step: ChangeStep = { key: `undo:${write.seq}`, title, operation: inverse };
  const changes = fieldChanges(op, wireForm(op), fields);
  const added = op.op === 'createSpace' ? await addedToSpace(path, runObjects, signal) : [];
  if (changes.length === 0 && added.length === 0) return item(write, 'ready', title, `${sentence(what)} holds what the run created.`, { step });
  const said = [changes.length > 0 ? describeChanges(changes) : '', ...added].filter(Boolean).join('; ');
  return item(write, 'conflict', title, `${sentence(what)} changed since the run: ${said}.`, { step, changes });
}

/** Access methods and members of a space the run created that the run did not add: deleting the space would remove them too. */
async function addedToSpace(spacePath: string, runObjects: ReadonlySet<string>, signal?: AbortSignal): Promise<string[]> {
  const out: string[] = [];
  for (const [collection, element, words] of [
    ['accessMethods', 'accessMethod', 'access method'],
    ['coSpaceUsers', 'coSpaceUser', 'member'],
  ] as const) {
    const ids = (await readCollection(`${spacePath}/${collection}`, element, {}, signal)).map((entry) => readText(entry.id).toLowerCase());
    const others = ids.filter((id) => !runObjects.has(id));
    if (others.length > 0) out.push(`${others.length} ${words}${others.length === 1 ? '' : 's'} added since (${others.join(', ')}) would go with it`);
  }
  return out;
}

/** A PUT of the run: the values from before go back, unless the object is gone or changed since. */
async function undoUpdate(write: Recorded, op: Operation, signal?: AbortSignal): Promise<UndoItem> {
  const { kind } = targetOf(op);
  const what = objectLabel(kind, write.path);
  const inverse = inverseOf(op);
  const notes = irreversibleFields(op).map((field) => `${field} cannot be taken back: CMS made a new one.`);
  const back = inverse ? wireForm(inverse) : {};
  const title = `Put back the previous ${Object.keys(back).join(', ')} of ${what}`;
  if (!inverse || Object.keys(back).length === 0) return item(write, 'cannot-undo', `Undo the change of ${what}`, 'Nothing this write changed can be put back.', { notes });
  const { fields } = await readObject(objectPathOf(op), signal);
  if (fields === null) return item(write, 'cannot-undo', title, `${sentence(what)} does not exist any more.`, { notes });
  if (fieldChanges(inverse, back, fields).length === 0) return item(write, 'done-already', title, `${sentence(what)} already holds the values from before the run.`, { notes });
  // The undo's own `before` is what CMS holds now, so undoing the undo puts exactly that back.
  const operation = recordedOperation({ operation: { kind: inverse.op, json: opJson(inverse) }, form: back, before: observedValues(fields, Object.keys(back)) });
  const step: ChangeStep = { key: `undo:${write.seq}`, title, operation };
  const left = Object.fromEntries(Object.entries(wireForm(op)).filter(([name]) => name in back));
  const changes = fieldChanges(op, left, fields);
  if (changes.length === 0) return item(write, 'ready', title, `${sentence(what)} holds what the run set.`, { step, notes });
  return item(write, 'conflict', title, `${sentence(what)} changed since the run: ${describeChanges(changes)}.`, { step, changes, notes });
}

/** The ids of an operation (no form): for the journal-shaped record the rebuilder reads. */
function opJson(op: Operation): Record<string, string> {
  return Object.fromEntries(Object.entries(op).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** The fields of a deleted object, as read before the DELETE, that a POST may carry; the secret CMS makes anew. */
function recreatableForm(table: ParamTable, before: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(before).filter(([name, value]) => {
      const def = Object.hasOwn(table, name) ? table[name] : undefined;
      return value !== '' && name !== 'secret' && def !== undefined && def.access === undefined && !def.putOnly;
    }),
  );
}

/**
 * Another space holding one of the URIs or the call ID the recreated space would carry, or a member
 * for the same user: CMS would refuse the POST (duplicateCoSpaceUri, …). Access methods may share
 * them when passcodes differ, so CMS itself judges those.
 */
async function clashOf(create: Operation, signal?: AbortSignal): Promise<string | undefined> {
  if (create.op !== 'createSpace' && create.op !== 'createSpaceMember') return undefined;
  const { kind, path } = targetOf(create);
  const table = tableOf(create);
  for (const [name, value] of Object.entries(uniqueAttributesOf(create))) {
    for (const entry of await readCollection(apiPath(path), elementOf(kind), { filter: value }, signal)) {
      const id = readText(entry.id);
      const fields = name in entry ? entry : ((await readObject(`${apiPath(path)}/${id}`, signal)).fields ?? {});
      if (sameValue(table, name, value, readText(fields[name]))) return `the ${elementOf(kind)} ${id} has ${name} ${maskValue(name, value)}.`;
    }
  }
  return undefined;
}

/** A DELETE of the run: the object comes back as a new one with the same settings. */
async function undoDelete(write: Recorded, op: Operation, recreated: ReadonlySet<string>, signal?: AbortSignal): Promise<UndoItem> {
  const { kind, path } = targetOf(op);
  const what = objectLabel(kind, write.path);
  const recreate = RECREATE[op.op];
  const title = `Create ${what} again with its settings from before`;
  if (!recreate) return item(write, 'cannot-undo', `Undo the delete of ${what}`, `CMS cannot bring back ${what}.`);
  if (write.before === null) return item(write, 'cannot-undo', title, 'The journal holds no values of it from before the delete.');
  if ((await readObject(path, signal)).fields !== null) return item(write, 'done-already', title, `${sentence(what)} exists (it was not deleted, or was brought back).`);
  // An access method or member lives in a space, an access method template in its template, an assignment with its user.
  const parent = recreate.parent;
  const parentValue: unknown = parent ? Object.entries(op).find(([key]) => key === parent.key)?.[1] : undefined;
  const parentId = typeof parentValue === 'string' ? parentValue : undefined;
  const parentComesBack = parentId !== undefined && recreated.has(parentId.toLowerCase());
  if (parent && parentId !== undefined && !parentComesBack && (await readObject(`${parent.collection}/${parentId}`, signal)).fields === null) {
    return item(write, 'cannot-undo', title, `Its ${parent.words} ${parentId} does not exist any more.`);
  }
  const form = recreatableForm(recreate.table, wireOf(write.before));
  const operation = recordedOperation({ operation: { kind: recreate.create, json: parent && parentId ? { [parent.key]: parentId } : {} }, form, before: null });
  const id = write.objectId ?? path.split('/').pop() ?? '';
  const step: ChangeStep = { key: `undo:${write.seq}`, title, operation, creates: `recreated:${id.toLowerCase()}` };
  const notes = [NEW_FROM_CMS[kind] ?? 'CMS gives it a new id.'];
  const extra = { step, notes, recreates: id.toLowerCase() };
  const clash = parentComesBack ? undefined : await clashOf(operation, signal);
  if (clash) return item(write, 'conflict', title, `Since the run, ${clash} Creating it again would clash.`, extra);
  const shown = Object.entries(form).map(([name, value]) => `${name}=${maskValue(name, value)}`).join(', ');
  return item(write, 'ready', title, `${sentence(what)} is gone; it comes back with ${shown || 'no settings of its own'}.`, extra);
}

/**
 * Plans the undo of a journaled run (its writes as recorded, passcodes revealed): for every write
 * that took effect, newest first, reads CMS and tells whether the inverse is ready, conflicts with a
 * change made since, is done already or cannot be done. Reads only; nothing is sent.
 */
export async function planUndo(run: UndoPlan['run'], writes: readonly Recorded[], signal?: AbortSignal): Promise<UndoPlan> {
  const items: UndoItem[] = [];
  const recreated = new Set<string>();
  const runObjects = new Set(writes.flatMap((w) => (w.objectId ? [w.objectId.toLowerCase()] : [])));
  for (const write of undoCandidates(writes)) {
    let op: Operation;
    try {
      op = recordedOperation(write);
    } catch (error) {
      items.push(item(write, 'cannot-undo', `Undo ${write.method} ${write.path}`, `The journal's record of it cannot be read back: ${error instanceof Error ? error.message : String(error)}`));
      continue;
    }
    const planned = write.method === 'POST' ? await undoCreate(write, op, runObjects, signal) : write.method === 'PUT' ? await undoUpdate(write, op, signal) : await undoDelete(write, op, recreated, signal);
    if (planned.recreates && planned.status === 'ready') recreated.add(planned.recreates);
    items.push(planned);
  }
  return { run: { id: run.id, title: run.title, spaces: run.spaces }, items };
}

/** The steps an undo sends: ready items, and conflicts the admin chose to restore anyway. */
export function chosenItems(plan: UndoPlan, restoreAnyway: ReadonlySet<number>): UndoItem[] {
  return plan.items.filter((i) => i.step && (i.status === 'ready' || (i.status === 'conflict' && restoreAnyway.has(i.seq))));
}

/** Every id the operation names that an object recreated earlier in the undo had: replaced by a ref to the new one. */
function namingRecreated(op: Operation, refs: ReadonlyMap<string, string>): Operation {
  const swap = (value: unknown) => (typeof value === 'string' && refs.has(value.toLowerCase()) ? { ref: refs.get(value.toLowerCase()) ?? '' } : value);
  const out = { ...op };
  for (const [key, value] of Object.entries(out)) if (key !== 'op' && key !== 'form' && key !== 'before') Object.assign(out, { [key]: swap(value) });
  if ('form' in out) Object.assign(out, { form: Object.fromEntries(Object.entries(out.form).map(([name, value]) => [name, swap(value)])) });
  return out;
}

/** The undo as a change plan for the engine: journaled as an undo of the run, steps newest first. */
export function undoChangePlan(plan: UndoPlan, restoreAnyway: ReadonlySet<number> = new Set()): ChangePlan {
  const refs = new Map<string, string>();
  const steps: ChangeStep[] = [];
  for (const chosen of chosenItems(plan, restoreAnyway)) {
    const step = chosen.step;
    if (!step) continue;
    steps.push({ ...step, operation: namingRecreated(step.operation, refs) });
    if (chosen.recreates && step.creates) refs.set(chosen.recreates, step.creates);
  }
  return { origin: { kind: 'undo', name: 'history/undo', undoesRunId: plan.run.id }, title: `Undo: ${plan.run.title}`.slice(0, 200), spaces: plan.run.spaces, steps };
}

/** Reads the run from the journal (passcodes revealed: undo puts them back) and plans its undo. */
export async function loadUndoPlan(runId: string, signal?: AbortSignal): Promise<UndoPlan> {
  const { run, writes } = await getRunDetail(runId, { reveal: true }, signal);
  return planUndo(run, writes, signal);
}
