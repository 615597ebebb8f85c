import { getCallLegProfile, listAllCallLegProfiles } from '../../api/resources/call-leg-profiles';
import { getCallProfile, listAllCallProfiles } from '../../api/resources/call-profiles';
import type { KnownProfiles } from './pattern-template';

const hasId = <T extends { id?: string }>(entry: T): entry is T & { id: string } => typeof entry.id === 'string' && entry.id !== '';

/**
 * Every callLegProfile and callProfile with all its settings: a list entry shows only some of them,
 * so each profile is read; one at a time, as a template is planned rarely and CMS has few profiles.
 */
export async function readKnownProfiles(signal?: AbortSignal): Promise<KnownProfiles> {
  const legs = (await listAllCallLegProfiles({}, signal)).items.filter(hasId);
  const calls = (await listAllCallProfiles({}, signal)).items.filter(hasId);
  const callLegProfiles: KnownProfiles['callLegProfiles'][number][] = [];
  for (const entry of legs) callLegProfiles.push({ ...(await getCallLegProfile(entry.id, signal)), id: entry.id });
  const callProfiles: KnownProfiles['callProfiles'][number][] = [];
  for (const entry of calls) callProfiles.push({ ...(await getCallProfile(entry.id, signal)), id: entry.id });
  return { callLegProfiles, callProfiles };
}
