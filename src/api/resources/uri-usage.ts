import { queryOptions } from '@tanstack/react-query';
import { cmsClient } from '../transport/cms-client';
import { children, type XmlNode } from '../wire/xml';

/** Who uses a URI user part in one tenant (or among objects without a tenant), as `POST /uriUsageQuery` answers. */
export interface UriUsage {
  /** spaces using it, as their URI or secondary URI or through an access method */
  coSpaceIds: string[];
  userIds: string[];
  ivrIds: string[];
}

const texts = (node: XmlNode, name: string) =>
  children(node, name).flatMap((n) => (typeof n === 'string' && n.trim() !== '' ? [n.trim().toLowerCase()] : []));

/** `POST /uriUsageQuery` (2.3 onwards): one request answers what would otherwise take a read of every space's access methods. */
export async function queryUriUsage(uri: string, tenant?: string, signal?: AbortSignal): Promise<UriUsage> {
  const userPart = uri.split('@')[0] ?? uri;
  const { xml } = await cmsClient().request({ method: 'POST', path: 'uriUsageQuery', form: { uri: userPart, ...(tenant ? { tenant } : {}) }, signal, readOnlyPost: true });
  if (!xml) return { coSpaceIds: [], userIds: [], ivrIds: [] };
  return { coSpaceIds: texts(xml.node, 'coSpaceId'), userIds: texts(xml.node, 'userId'), ivrIds: texts(xml.node, 'ivrId') };
}

/** Whether CMS routes a call ID anywhere (`POST /accessQuery` answers how to reach it, or nothing). */
export async function isCallIdReachable(callId: string, signal?: AbortSignal): Promise<boolean> {
  const { xml } = await cmsClient().request({ method: 'POST', path: 'accessQuery', form: { callId }, signal, readOnlyPost: true });
  if (!xml || typeof xml.node === 'string') return false;
  return Object.keys(xml.node).some((k) => !k.startsWith('@_'));
}

export const uriUsageQueries = {
  all: () => ['cms', 'uriUsage'] as const,
  usage: (uri: string, tenant?: string) =>
    queryOptions({
      queryKey: [...uriUsageQueries.all(), uri.toLowerCase(), tenant ?? null] as const,
      queryFn: ({ signal }) => queryUriUsage(uri, tenant, signal),
    }),
};
