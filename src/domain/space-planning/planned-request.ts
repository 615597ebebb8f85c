import { beforeOf, targetOf, wireForm } from '../../api/resources/operation-facts';
import { isSecretParam } from '../../api/wire/secrets';
import type { PlannedRequest, PlannedStep } from './types';

/** The request a step sends, in wire text, as the review, the curl commands and the progress show it. */
export function requestOf(step: PlannedStep): PlannedRequest {
  const { method, path } = targetOf(step.operation);
  const form = wireForm(step.operation);
  const restore = beforeOf(step.operation);
  return {
    key: step.key,
    title: step.title,
    method,
    path,
    form,
    ...(step.creates === undefined ? {} : { creates: step.creates }),
    ...(restore === undefined ? {} : { restore }),
    sensitive: Object.keys(form).filter(isSecretParam),
  };
}
