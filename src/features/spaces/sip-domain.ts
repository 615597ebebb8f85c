import { useSyncExternalStore } from 'react';

/** The SIP domain shown after URI user parts; memory only, shared by every space page of this tab. */
let domain = 'example.com';
const listeners = new Set<() => void>();

export const sipDomain = {
  get: () => domain,
  set: (next: string) => {
    domain = next;
    for (const listener of listeners) listener();
  },
  subscribe: (listener: () => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export function useSipDomain(): [string, (next: string) => void] {
  return [useSyncExternalStore(sipDomain.subscribe, sipDomain.get, sipDomain.get), sipDomain.set];
}

/** `guest.space@example.com`; just the user part when no domain is given. */
export function dialString(uri: string, domainName: string): string {
  const clean = domainName.trim().replace(/^@/, '');
  return clean === '' ? uri : `${uri}@${clean}`;
}
