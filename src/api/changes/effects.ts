import type { Operation } from '../resources/operations';
import { targetOf } from '../resources/operation-facts';
import type { FieldValues, FinalRunState } from '../wire/journal-contract';
import type { ChangeLedger, SentWrite } from './types';

/** What a write did to CMS, as CMS's answer or a read after it proves: applied, not applied, or not known. */
export function effectOf(write: Pick<SentWrite, 'outcome' | 'settled'>): 'applied' | 'not-applied' | 'unknown' {
  if (write.outcome === 'applied') return 'applied';
  if (write.outcome === 'refused') return 'not-applied';
  if (write.settled) return write.settled.verdict === 'took-effect' ? 'applied' : 'not-applied';
  return 'unknown';
}

/** The id a POST created: from its Location, or found by the read that settled it. */
export function createdIdOf(write: Pick<SentWrite, 'createdId' | 'settled'>): string | undefined {
  return write.createdId ?? write.settled?.id;
}

/** Wire text as the journal holds values: '' (unset) as null. */
export function fieldValues(fields: Readonly<Record<string, string>>): FieldValues {
  return Object.fromEntries(Object.entries(fields).map(([name, value]) => [name, value === '' ? null : value]));
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The object a PUT or DELETE writes (the last id of its path); undefined for a POST and for /system/profiles. */
export function objectIdOf(op: Operation): string | undefined {
  const { method, path } = targetOf(op);
  const last = path.split('/').pop() ?? '';
  return method !== 'POST' && GUID.test(last) ? last.toLowerCase() : undefined;
}

/** The space a write belongs to, for History's space filter. */
export function spaceIdOf(op: Operation): string | undefined {
  if ('space' in op && typeof op.space === 'string') return op.space.toLowerCase();
  if (op.op === 'createCall' && typeof op.form.coSpace === 'string') return op.form.coSpace.toLowerCase();
  return undefined;
}

/** The journal's state for a run, from how its writes ended. */
export function runStateOf(ledger: Pick<ChangeLedger, 'writes' | 'next' | 'plan' | 'stop'>): FinalRunState {
  const forward = ledger.writes.filter((w) => w.phase === 'forward');
  const effects = forward.map(effectOf);
  if (effects.includes('unknown')) return 'unknown';
  if (!ledger.stop && ledger.next >= ledger.plan.steps.length) return 'applied';
  return effects.includes('applied') ? 'partially-applied' : 'refused';
}
