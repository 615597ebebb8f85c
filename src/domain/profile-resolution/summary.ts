import type { JoinPath, JoinPathKind, SpaceModel } from './model';
import { listOf, plural } from './words';

const SPACE_KINDS: Array<[JoinPathKind, string]> = [
  ['spaceUri', 'URI'],
  ['spaceSecondaryUri', 'secondary URI'],
  ['spaceCallId', 'call ID'],
];

/** "the space's URI and call ID, 1 access method, 2 members" */
function describeWays(paths: readonly JoinPath[]): string {
  const parts: string[] = [];
  const own = SPACE_KINDS.filter(([kind]) => paths.some((p) => p.kind === kind)).map(([, name]) => name);
  if (own.length > 0) parts.push(`the space's ${listOf(own)}`);
  const methods = paths.filter((p) => p.kind === 'accessMethod').length;
  if (methods > 0) parts.push(plural(methods, 'access method'));
  const members = paths.filter((p) => p.kind === 'member').length;
  if (members > 0) parts.push(plural(members, 'member'));
  return parts.join(', ');
}

/**
 * One sentence on top of the viewer: who waits for whom, e.g. "Guests (3 ways in) wait in the lobby
 * until a host joins; hosts: 1 access method, 2 members."
 */
export function summarize(model: SpaceModel, paths: readonly JoinPath[]): string {
  if (paths.length === 0) return `Nobody can join "${model.space.name ?? model.space.id}" yet: it has no URI, call ID, access method or member.`;
  const guests = paths.filter((p) => p.role === 'guest');
  const hosts = paths.filter((p) => p.role === 'host');
  const ways = (n: number) => plural(n, 'way', 'ways');
  if (guests.length === 0) {
    return `Everyone joins as a host (${ways(hosts.length)} in: ${describeWays(hosts)}): nobody waits in a lobby.`;
  }
  if (hosts.length === 0) {
    return `Guests (${ways(guests.length)} in) wait in the lobby, but there is no way in for a host: guests would wait forever.`;
  }
  return `Guests (${ways(guests.length)} in) wait in the lobby until a host joins; hosts: ${describeWays(hosts)}.`;
}
