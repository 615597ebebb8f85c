import type { WizardScenarioId } from '../lib/wizard-links';
import { normalizeUri, type WizardPath } from '../domain/space-planning/wizard-schema';

/** A field that takes another's value until the admin makes it their own. */
export interface LinkedField {
  from: WizardPath;
  to: WizardPath;
  /** the value as it is compared and copied: a URI's user part, a call ID trimmed */
  read: (text: string) => string;
  /** whether two values are the same (URIs without case, as CMS compares them) */
  same: (a: string, b: string) => boolean;
}

const uri = (text: string) => normalizeUri(text).uri;
const uriLink: LinkedField = { from: 'space.uri', to: 'access.uri', read: uri, same: (a, b) => a.toLowerCase() === b.toLowerCase() };
const callIdLink: LinkedField = { from: 'space.callId', to: 'access.callId', read: (text) => text.trim(), same: (a, b) => a === b };

/**
 * Per scenario, from the guide: in 2 and 3 hosts dial the space's URI (with their own call ID and
 * PIN), in 4 the host access method has the space's URI and call ID. Scenario 1 gives hosts an
 * address of their own, so nothing follows there (`suggestedHostUri` only proposes one).
 */
export const LINKED_FIELDS: Readonly<Record<WizardScenarioId, readonly LinkedField[]>> = {
  'different-uris': [],
  'same-uri-two-pins': [uriLink],
  'blank-guest-pin': [uriLink],
  'members-are-hosts': [uriLink, callIdLink],
};

/**
 * What the linked field becomes when its source changes from `before` to `now`: it follows while
 * it is empty or still holds the source's previous value; once the admin typed something else,
 * it is theirs (undefined: leave it).
 */
export function followedValue(link: LinkedField, before: string, now: string, target: string): string | undefined {
  const current = link.read(target);
  if (current !== '' && !link.same(current, link.read(before))) return undefined;
  const next = link.read(now);
  return current === next ? undefined : next;
}

/**
 * Scenario 1's host URI, proposed from the space URI the way the guide pairs them (guest.space →
 * host.space): "guest" becomes "host", or "host." goes in front.
 */
export function suggestedHostUri(spaceUri: string): string | undefined {
  const space = uri(spaceUri);
  if (space === '') return undefined;
  return /guest/i.test(space) ? space.replace(/guest/i, 'host') : `host.${space}`;
}
