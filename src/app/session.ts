import { useSyncExternalStore } from 'react';
import { getSession, subscribeSession } from '../api/transport/session';

/** The signed-in user and picked cluster of this browser session (memory and sessionStorage only). */
export function useSession() {
  return useSyncExternalStore(subscribeSession, getSession, getSession);
}
