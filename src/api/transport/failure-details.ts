import { attribute, childNames, children, parseXml } from '../wire/xml';
import type { CmsFailure } from './errors';

/** The failures of a CMS error answer: `<failureDetails><coSpaceDoesNotExist /></failureDetails>`; none for any other body. */
export function parseFailureDetails(xmlText: string): CmsFailure[] {
  if (xmlText.trim() === '') return [];
  let doc;
  try {
    doc = parseXml(xmlText);
  } catch {
    return [];
  }
  if (doc.root !== 'failureDetails') return [];
  const failures: CmsFailure[] = [];
  for (const code of childNames(doc.node)) {
    for (const node of children(doc.node, code)) {
      const failure: CmsFailure = { code };
      const parameter = attribute(node, 'parameter');
      const error = attribute(node, 'error');
      if (parameter !== undefined) failure.parameter = parameter;
      if (error !== undefined) failure.error = error;
      failures.push(failure);
    }
  }
  return failures;
}
