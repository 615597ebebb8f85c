import { beforeOf, tableOf, targetOf } from '../resources/operation-facts';
import { objectPathOf, readObject } from './cms-reads';
import { failureText } from './classify';
import { differingFields } from './compare';
import { createdIdOf, effectOf } from './effects';
import { objectLabel, sentence, shownValue } from './labels';
import { createdPaths, parentAmong } from './rollback-plan';
import type { ChangeLedger, SentWrite } from './types';

/** One way CMS is not as it was before the run, as a read showed it. */
export interface Difference {
  /** the forward write that made it */
  key: string;
  title: string;
  /** the object, under /api/v1 */
  path: string;
  field?: string;
  now?: string;
  before?: string;
  sentence: string;
}

interface Verification {
  differences: Difference[];
  /** reads that failed, and writes whose effect is still unknown */
  problems: string[];
}

async function checkCreated(write: SentWrite, id: string): Promise<Difference[]> {
  const path = objectPathOf(write.operation, id);
  const { fields } = await readObject(path);
  if (fields === null) return [];
  return [{ key: write.key, title: write.title, path, sentence: `${sentence(objectLabel(targetOf(write.operation).kind, path))}, which “${write.title}” created, still exists.` }];
}

async function checkRestored(write: SentWrite): Promise<Difference[]> {
  const { kind } = targetOf(write.operation);
  const { fields } = await readObject(write.path);
  const label = sentence(objectLabel(kind, write.path));
  if (fields === null) return [{ key: write.key, title: write.title, path: write.path, sentence: `${label}, which “${write.title}” changed, does not exist any more.` }];
  return differingFields(tableOf(write.operation), beforeOf(write.operation) ?? {}, fields).map(({ field, expected, observed }) => ({
    key: write.key,
    title: write.title,
    path: write.path,
    field,
    now: observed,
    before: expected,
    sentence: `${label}: ${field} is now ${shownValue(field, observed)}, before this run it was ${shownValue(field, expected)}.`,
  }));
}

/**
 * Reads every object the run's forward writes touched and compares it with what it held before: an
 * object a POST created must be gone, an object a PUT changed must hold its previous values again,
 * an object a DELETE removed cannot come back. A write whose effect is unknown is a problem: no read
 * can prove CMS is as before while it is.
 */
export async function verifyRollback(ledger: ChangeLedger): Promise<Verification> {
  const differences: Difference[] = [];
  const problems: string[] = [];
  const created = createdPaths(ledger);
  for (const write of ledger.writes.filter((w) => w.phase === 'forward')) {
    const effect = effectOf(write);
    if (effect === 'not-applied') continue;
    if (effect === 'unknown') {
      problems.push(`Whether “${write.title}” (${write.method} ${write.path}) took effect is still unknown: ${write.unsettled ?? 'no read settled it'}`);
      continue;
    }
    try {
      if (write.method === 'POST') {
        const id = createdIdOf(write);
        if (id === undefined) problems.push(`“${write.title}” took effect but CMS gave no id for what it created.`);
        else differences.push(...(await checkCreated(write, id)));
      } else if (write.method === 'PUT') {
        // A change to an object the run created is checked by that object being gone.
        if (!parentAmong(write.path, created) && !created.includes(write.path.toLowerCase())) differences.push(...(await checkRestored(write)));
      } else {
        differences.push({ key: write.key, title: write.title, path: write.path, sentence: `${sentence(objectLabel(targetOf(write.operation).kind, write.path))} was deleted by “${write.title}”; a rollback cannot bring it back.` });
      }
    } catch (error) {
      problems.push(`Could not read ${write.path} to check “${write.title}”: ${failureText(error)}`);
    }
  }
  return { differences, problems };
}
