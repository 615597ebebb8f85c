import { inverseOf, targetOf, withIds } from '../../api/resources/operation-facts';
import { runOperation } from '../../api/resources/run-operation';
import { apiPath } from '../../api/transport/client';
import { CmsError } from '../../api/transport/errors';
import { requestOf } from './planned-request';
import type { ApplyOutcome, ProgressEvent, RollbackResult, WizardPlan } from './types';
export type { ApplyOutcome, ProgressEvent, RollbackResult } from './types';

export interface ApplyOptions {
  onProgress?: (event: ProgressEvent) => void;
  signal?: AbortSignal;
}

const PLACEHOLDER = /\{([^{}]+)\}/g;

/** Fills `{ref}`s in a path or value from the ids earlier requests created; answers the name of a ref not known yet. */
export function fillRefs(text: string, refs: Readonly<Record<string, string>>): { text: string; unknown?: string } {
  let unknown: string | undefined;
  const filled = text.replace(PLACEHOLDER, (whole, name: string) => {
    const id = refs[name];
    if (id === undefined) {
      unknown ??= name;
      return whole;
    }
    return id;
  });
  return unknown === undefined ? { text: filled } : { text: filled, unknown };
}

function report(onProgress: ApplyOptions['onProgress'], event: ProgressEvent): void {
  try {
    onProgress?.(event);
  } catch {
    // a broken progress listener must not stop a half-applied plan
  }
}

/**
 * Sends the plan's operations in order, filling refs from the `Location` of earlier POSTs, and
 * stops at the first failure (nothing after it is sent). `done` holds the operations as sent.
 */
export async function applyPlan(plan: Pick<WizardPlan, 'steps'>, options: ApplyOptions = {}): Promise<ApplyOutcome> {
  const refs: Record<string, string> = {};
  const done: ApplyOutcome['done'] = [];
  for (const step of plan.steps) {
    report(options.onProgress, { key: step.key, status: 'running' });
    const operation = withIds(step.operation, refs);
    const request = requestOf({ ...step, operation });
    try {
      const { id } = await runOperation(operation, refs, options.signal);
      if (step.creates && id !== undefined) refs[step.creates] = id;
      done.push({ request, operation, ...(id === undefined ? {} : { id }) });
      report(options.onProgress, { key: step.key, status: 'done', ...(id === undefined ? {} : { id }) });
    } catch (caught) {
      const error =
        caught instanceof CmsError
          ? caught
          : new CmsError({ kind: 'network', method: request.method, path: apiPath(request.path), reason: String(caught), cause: caught });
      report(options.onProgress, { key: step.key, status: 'failed', error });
      return { ok: false, refs, done, failed: { request, operation, error } };
    }
  }
  return { ok: true, refs, done };
}

/**
 * Undoes what `applyPlan` did, newest first, with each operation's inverse: DELETEs every object
 * the run created and PUTs back the previous values of what it changed (a change to an object the
 * run created is skipped: the object goes anyway). Touches nothing else; carries on past a
 * failure and reports it.
 */
export async function rollback(outcome: ApplyOutcome, options: { onProgress?: ApplyOptions['onProgress'] } = {}): Promise<RollbackResult> {
  const undone: string[] = [];
  const problems: string[] = [];
  const createdPaths = outcome.done
    .filter((entry) => targetOf(entry.operation).method === 'POST' && entry.id)
    .map((entry) => apiPath(`${entry.request.path}/${entry.id ?? ''}`).toLowerCase());
  const insideCreated = (path: string) => {
    const target = apiPath(path).toLowerCase();
    return createdPaths.some((created) => target === created || target.startsWith(`${created}/`));
  };

  for (const { request, operation, id } of [...outcome.done].reverse()) {
    report(options.onProgress, { key: request.key, status: 'running' });
    const created = targetOf(operation).method === 'POST';
    try {
      if (created && !id) throw new Error('CMS gave no id for it');
      // A change to an object this rollback deletes needs no undo of its own.
      if (!created && insideCreated(request.path)) {
        undone.push(request.key);
        report(options.onProgress, { key: request.key, status: 'done' });
        continue;
      }
      const inverse = inverseOf(operation, id);
      if (!inverse) throw new Error('no previous values were recorded');
      await runOperation(inverse);
      undone.push(request.key);
      report(options.onProgress, { key: request.key, status: 'done', ...(created && id ? { id } : {}) });
    } catch (caught) {
      const error = caught instanceof CmsError ? caught : undefined;
      const why = caught instanceof Error ? caught.message : String(caught);
      problems.push(
        created
          ? `Could not delete what "${request.title}" created (${request.path}/${id ?? '?'}): ${why}`
          : `Could not restore what "${request.title}" changed (${request.path}): ${why}`,
      );
      report(options.onProgress, { key: request.key, status: 'failed', ...(error ? { error } : {}) });
    }
  }
  return { ok: problems.length === 0, undone, problems };
}
