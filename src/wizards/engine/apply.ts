import { apiPath } from '../../api/transport/client';
import { cmsClient } from '../../api/transport/cms-client';
import { CmsError } from '../../api/transport/errors';
import type { ApplyOutcome, PlannedRequest, ProgressEvent, RollbackResult, WizardPlan } from './types';
export type { ApplyOutcome, ProgressEvent, RollbackResult } from './types';

export interface ApplyOptions {
  onProgress?: (event: ProgressEvent) => void;
  signal?: AbortSignal;
}

const PLACEHOLDER = /\{([^{}]+)\}/g;

/** Fills `{ref}`s from the ids earlier requests created; answers the name of a ref not known yet. */
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

function resolved(request: PlannedRequest, refs: Readonly<Record<string, string>>): { request: PlannedRequest; unknown?: string } {
  const path = fillRefs(request.path, refs);
  let unknown = path.unknown;
  const form: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.form)) {
    const filled = fillRefs(value, refs);
    unknown ??= filled.unknown;
    form[name] = filled.text;
  }
  const out: PlannedRequest = { ...request, path: path.text, form };
  return unknown === undefined ? { request: out } : { request: out, unknown };
}

function report(onProgress: ApplyOptions['onProgress'], event: ProgressEvent): void {
  try {
    onProgress?.(event);
  } catch {
    // a broken progress listener must not stop a half-applied plan
  }
}

/**
 * Sends the plan's requests in order, filling `{ref}` from the `Location` of earlier POSTs, and
 * stops at the first failure (nothing after it is sent). `done` holds the requests as sent.
 */
export async function applyPlan(plan: Pick<WizardPlan, 'requests'>, options: ApplyOptions = {}): Promise<ApplyOutcome> {
  const refs: Record<string, string> = {};
  const done: ApplyOutcome['done'] = [];
  for (const planned of plan.requests) {
    report(options.onProgress, { key: planned.key, status: 'running' });
    const { request, unknown } = resolved(planned, refs);
    try {
      if (unknown !== undefined) {
        throw new CmsError({
          kind: 'http',
          method: request.method,
          path: apiPath(request.path.replace(PLACEHOLDER, '_')),
          message: `The id of "${unknown}" is not known: no earlier request of this plan created it.`,
        });
      }
      if (request.method === 'POST') {
        const id = await cmsClient().create(request.path, request.form, options.signal);
        if (request.creates) refs[request.creates] = id;
        done.push({ request, id });
        report(options.onProgress, { key: request.key, status: 'done', id });
      } else {
        await cmsClient().update(request.path, request.form, options.signal);
        done.push({ request });
        report(options.onProgress, { key: request.key, status: 'done' });
      }
    } catch (caught) {
      const error =
        caught instanceof CmsError
          ? caught
          : new CmsError({ kind: 'network', method: request.method, path: apiPath(request.path), reason: String(caught), cause: caught });
      report(options.onProgress, { key: request.key, status: 'failed', error });
      return { ok: false, refs, done, failed: { request, error } };
    }
  }
  return { ok: true, refs, done };
}

/**
 * Undoes what `applyPlan` did, newest first: DELETEs every object the run created and PUTs back
 * the `restore` values of what it changed (a change to an object the run created is skipped: the
 * object goes anyway). Touches nothing else; carries on past a failure and reports it.
 */
export async function rollback(outcome: ApplyOutcome, options: { onProgress?: ApplyOptions['onProgress'] } = {}): Promise<RollbackResult> {
  const undone: string[] = [];
  const problems: string[] = [];
  const createdPaths = outcome.done
    .filter((entry) => entry.request.method === 'POST' && entry.id)
    .map((entry) => apiPath(`${entry.request.path}/${entry.id ?? ''}`).toLowerCase());
  const insideCreated = (path: string) => {
    const target = apiPath(path).toLowerCase();
    return createdPaths.some((created) => target === created || target.startsWith(`${created}/`));
  };

  for (const { request, id } of [...outcome.done].reverse()) {
    report(options.onProgress, { key: request.key, status: 'running' });
    try {
      if (request.method === 'POST') {
        if (!id) throw new Error('CMS gave no id for it');
        await cmsClient().remove(`${request.path}/${id}`);
        undone.push(request.key);
        report(options.onProgress, { key: request.key, status: 'done', id });
      } else if (insideCreated(request.path)) {
        // The object itself is deleted by this rollback.
        undone.push(request.key);
        report(options.onProgress, { key: request.key, status: 'done' });
      } else {
        if (!request.restore) throw new Error('no previous values were recorded');
        await cmsClient().update(request.path, request.restore);
        undone.push(request.key);
        report(options.onProgress, { key: request.key, status: 'done' });
      }
    } catch (caught) {
      const error = caught instanceof CmsError ? caught : undefined;
      const why = caught instanceof Error ? caught.message : String(caught);
      problems.push(
        request.method === 'POST'
          ? `Could not delete what "${request.title}" created (${request.path}/${id ?? '?'}): ${why}`
          : `Could not restore what "${request.title}" changed (${request.path}): ${why}`,
      );
      report(options.onProgress, { key: request.key, status: 'failed', ...(error ? { error } : {}) });
    }
  }
  return { ok: problems.length === 0, undone, problems };
}
