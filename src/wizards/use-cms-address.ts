import { useQuery } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { getSession, subscribeSession } from '../api/transport/session';
import { activeTarget, studioConnectionQueries } from '../api/transport/studio-connection';
import type { CurlOptions } from './engine/curl';

export type CmsAddress = Omit<CurlOptions, 'revealSecrets'>;

const FALLBACK: CmsAddress = { baseUrl: 'https://cms.example.com:445' };

/**
 * Where the review's curl commands go: the cluster this session talks to (with `-k` only when it is
 * configured not to verify TLS), or with the built-in mock CMS this studio's own proxy.
 */
export function useCmsAddress(): CmsAddress {
  const connection = useQuery(studioConnectionQueries.current());
  const session = useSyncExternalStore(subscribeSession, getSession, getSession);
  if (!connection.data) return FALLBACK;
  if (connection.data.mode === 'mock') return { baseUrl: window.location.origin, viaStudioProxy: true };
  const target = activeTarget(connection.data, session.target);
  return target ? { baseUrl: target.url, ...(target.insecureTls ? { insecureTls: true } : {}) } : FALLBACK;
}
