import { beforeOf, tableOf, targetOf, uniqueAttributesOf, wireForm } from '../resources/operation-facts';
import type { Operation } from '../resources/operations';
import { apiPath } from '../transport/client';
import { maskValue } from '../wire/secrets';
import { elementOf, objectPathOf, readCollection, readObject, type ReadFields } from './cms-reads';
import { differingFields, observedValues, readText, sameValue } from './compare';
import type { Settled } from './types';

/** A read that could not tell whether a write took effect. */
export class UnsettledError extends Error {
  override readonly name = 'UnsettledError';
}

const idOf = (entry: ReadFields) => readText(entry.id).toLowerCase();

/** The fields a read can compare: what was sent, less what CMS never shows (regenerateSecret). */
function comparableForm(op: Operation): Record<string, string> {
  const table = tableOf(op);
  return Object.fromEntries(Object.entries(wireForm(op)).filter(([name]) => table?.[name]?.access !== 'writeOnly'));
}

function masked(fields: Readonly<Record<string, string>>): string {
  return Object.entries(fields)
    .map(([name, value]) => `${name}=${value === '' ? '(unset)' : maskValue(name, value)}`)
    .join(', ');
}

/**
 * POSTs whose object CMS keeps no unique attribute for (profiles, parameter sets, a space with
 * neither URI nor call ID): the engine reads the ids of their collection just before sending, so a
 * read afterwards can tell a new object from the ones that were there.
 */
export function needsIdsBefore(op: Operation): boolean {
  return targetOf(op).method === 'POST' && Object.keys(uniqueAttributesOf(op)).length === 0;
}

/** Narrows a collection read to what the new object would match; the same query before and after. */
function narrowing(op: Operation): Record<string, string> {
  const form = wireForm(op);
  if (op.op === 'createCall' && form.coSpace) return { coSpaceFilter: form.coSpace };
  const unique = uniqueAttributesOf(op);
  const key = unique.uri ?? unique.callId ?? unique.secondaryUri ?? unique.userJid ?? unique.remoteParty;
  if (key) return { filter: key };
  // Profiles and spaces are filtered by name; a filter CMS ignores only reads more.
  if ((op.op === 'createCallLegProfile' || op.op === 'createCallProfile' || op.op === 'createSpace') && form.name) return { filter: form.name };
  return {};
}

function collectionOf(op: Operation): { path: string; item: string; query: Record<string, string> } {
  const { kind, path } = targetOf(op);
  return { path: apiPath(path), item: elementOf(kind), query: narrowing(op) };
}

/** The ids of the collection a POST adds to, read just before it is sent. */
export async function readIdsBefore(op: Operation, signal?: AbortSignal): Promise<Set<string>> {
  const { path, item, query } = collectionOf(op);
  return new Set((await readCollection(path, item, query, signal)).map(idOf));
}

function settledPut(op: Operation, path: string, status: number, fields: ReadFields): Settled {
  const table = tableOf(op);
  const sent = comparableForm(op);
  const before = Object.fromEntries(Object.entries(beforeOf(op) ?? {}).filter(([name]) => name in sent));
  if (Object.keys(sent).length === 0) throw new UnsettledError('No field this write sends can be read back, so a read cannot tell whether it took effect.');
  const observed = observedValues(fields, Object.keys(sent));
  const read = { path, status, observed };
  if (differingFields(table, sent, fields).length === 0) return { verdict: 'took-effect', ...read, summary: `CMS holds the values sent (${masked(sent)}).` };
  if (Object.keys(before).length === Object.keys(sent).length && differingFields(table, before, fields).length === 0) {
    return { verdict: 'did-not-take-effect', ...read, summary: `CMS still holds the values from before (${masked(before)}).` };
  }
  const now = Object.fromEntries(Object.entries(observed).map(([name, value]) => [name, value ?? '']));
  throw new UnsettledError(`CMS holds neither the values sent nor the ones from before (now ${masked(now)}): someone else may have changed it.`);
}

/** A POST with unique attributes: CMS holds at most one object with them, so finding it proves the POST took effect. */
async function settleByUniqueAttributes(op: Operation, signal?: AbortSignal): Promise<Settled> {
  const table = tableOf(op);
  const unique = uniqueAttributesOf(op);
  const { path, item, query } = collectionOf(op);
  const candidates = await readCollection(path, item, query, signal);
  const matches: Array<{ id: string; fields: ReadFields }> = [];
  for (const candidate of candidates) {
    let fields = candidate;
    // A collection lists some fields only; read the object for the rest.
    if (Object.keys(unique).some((name) => !(name in fields))) {
      const full = await readObject(objectPathOf(op, idOf(candidate)), signal);
      if (!full.fields) continue;
      fields = { ...full.fields, id: idOf(candidate) };
    }
    if (Object.entries(unique).every(([name, value]) => sameValue(table, name, value, readText(fields[name])))) matches.push({ id: idOf(candidate), fields });
  }
  const described = masked(unique);
  const read = { path, query, status: 200 };
  const [only, ...more] = matches;
  if (!only) return { verdict: 'did-not-take-effect', ...read, observed: null, summary: `No ${item} with ${described} exists.` };
  if (more.length > 0) throw new UnsettledError(`${matches.length} objects have ${described}; the read cannot tell which one this write made.`);
  return { verdict: 'took-effect', id: only.id, ...read, observed: observedValues(only.fields, Object.keys(comparableForm(op))), summary: `The ${item} with ${described} exists (id ${only.id}).` };
}

/** A POST without unique attributes: the objects that are new since the read before it, with exactly the settings sent. */
async function settleByNewIds(op: Operation, idsBefore: ReadonlySet<string>, signal?: AbortSignal): Promise<Settled> {
  const table = tableOf(op);
  const { path, item, query } = collectionOf(op);
  const fresh = (await readCollection(path, item, query, signal)).map(idOf).filter((id) => !idsBefore.has(id));
  const sent = comparableForm(op);
  const matches: Array<{ id: string; fields: ReadFields }> = [];
  for (const id of fresh) {
    const { fields } = await readObject(objectPathOf(op, id), signal);
    if (fields && differingFields(table, sent, fields).length === 0) matches.push({ id, fields });
  }
  const read = { path, query, status: 200 };
  const counted = `${idsBefore.size} ${item}${idsBefore.size === 1 ? '' : 's'} before the write, ${fresh.length} new since`;
  const [only, ...more] = matches;
  if (!only) return { verdict: 'did-not-take-effect', ...read, observed: null, summary: `${counted}, none with the settings sent.` };
  if (more.length > 0) throw new UnsettledError(`${counted}, ${matches.length} with the settings sent: the read cannot tell which one this write made.`);
  return { verdict: 'took-effect', id: only.id, ...read, observed: observedValues(only.fields, Object.keys(sent)), summary: `${counted}: ${only.id}, with the settings sent.` };
}

/**
 * Reads CMS to learn whether a write whose answer was lost took effect: a PUT by comparing the
 * fields it sent, a DELETE by whether the object is gone, a POST by finding what it would have
 * created (unique attributes, or the ids that are new since `idsBefore`). Throws `UnsettledError`
 * when the read cannot tell, and the read's own error when CMS cannot be read.
 */
export async function settle(op: Operation, idsBefore: ReadonlySet<string> | undefined, signal?: AbortSignal): Promise<Settled> {
  const { method } = targetOf(op);
  if (method === 'POST') {
    if (!needsIdsBefore(op)) return settleByUniqueAttributes(op, signal);
    if (!idsBefore) throw new UnsettledError('The collection was not read before the write, so a read cannot tell a new object from an old one.');
    return settleByNewIds(op, idsBefore, signal);
  }
  const { path, status, fields } = await readObject(objectPathOf(op), signal);
  if (method === 'DELETE') {
    return fields === null
      ? { verdict: 'took-effect', path, status, observed: null, summary: 'CMS says it does not exist any more.' }
      : { verdict: 'did-not-take-effect', path, status, observed: observedValues(fields), summary: 'CMS still has it.' };
  }
  if (fields === null) throw new UnsettledError('CMS says the object does not exist any more, so a read cannot tell what the write did.');
  return settledPut(op, path, status, fields);
}
