import { useSyncExternalStore } from 'react';
import { sessionTarget } from '../../api/transport/session';

/**
 * The meetings this studio started, as TMS keeps them in its own database: CMS does not record
 * which placeholder a renamed space was, and ending a meeting must restore that name.
 * Space ids and names only: no passcode is stored.
 */
export interface MeetingRecord {
  spaceId: string;
  setId: string;
  placeholderName: string;
  name: string;
  callId?: string;
  startedAt: number;
  extendedAt?: number;
}

const keyFor = () => `cms-access-studio-meetings:${sessionTarget.get() ?? 'default'}`;
const listeners = new Set<() => void>();
let cache: { key: string; records: MeetingRecord[] } | undefined;

function read(): MeetingRecord[] {
  const key = keyFor();
  if (cache?.key === key) return cache.records;
  let records: MeetingRecord[] = [];
  try {
    const raw = globalThis.localStorage?.getItem(key);
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    if (Array.isArray(parsed)) records = parsed.filter((r): r is MeetingRecord => typeof r?.spaceId === 'string' && typeof r?.placeholderName === 'string');
  } catch {
    records = [];
  }
  cache = { key, records };
  return records;
}

function write(records: MeetingRecord[]) {
  const key = keyFor();
  cache = { key, records };
  try {
    globalThis.localStorage?.setItem(key, JSON.stringify(records));
  } catch {
    // no storage (private mode): the records last until reload
  }
  for (const listener of listeners) listener();
}

export const meetingRegistry = {
  list: read,
  get: (spaceId: string) => read().find((r) => r.spaceId === spaceId),
  save(record: MeetingRecord) {
    write([...read().filter((r) => r.spaceId !== record.spaceId), record]);
  },
  update(spaceId: string, patch: Partial<MeetingRecord>) {
    write(read().map((r) => (r.spaceId === spaceId ? { ...r, ...patch } : r)));
  },
  remove(spaceId: string) {
    write(read().filter((r) => r.spaceId !== spaceId));
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export function useMeetingRecords(): MeetingRecord[] {
  return useSyncExternalStore(meetingRegistry.subscribe, meetingRegistry.list, meetingRegistry.list);
}
