import { useQuery } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { getSession, subscribeSession } from '../api/transport/session';
import { activeTarget, studioConnectionQueries } from '../api/transport/studio-connection';

const FALLBACK_BASE_URL = 'https://cms.example.com:445';

/** The CMS address the review's curl commands go to: the cluster this session talks to. */
export function useCmsAddress(): string {
  const connection = useQuery(studioConnectionQueries.current());
  const session = useSyncExternalStore(subscribeSession, getSession, getSession);
  return connection.data ? (activeTarget(connection.data, session.target)?.url ?? FALLBACK_BASE_URL) : FALLBACK_BASE_URL;
}
