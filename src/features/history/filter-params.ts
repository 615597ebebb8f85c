import type { RunFilter } from '../../api/wire/journal-contract';

/** The History filter as it sits in the page URL: dates are local days (`2026-03-01`), the rest as typed. */
export interface HistorySearch {
  space: string;
  cluster: string;
  cmsUser: string;
  from: string;
  to: string;
  /** the runs of one batch fix */
  batch: string;
}

export const FILTER_KEYS = ['space', 'cluster', 'cmsUser', 'from', 'to', 'batch'] as const;

export function searchFromParams(params: URLSearchParams): HistorySearch {
  return {
    space: params.get('space') ?? '',
    cluster: params.get('cluster') ?? '',
    cmsUser: params.get('cmsUser') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    batch: params.get('batch') ?? '',
  };
}

function localDay(day: string, endOfDay: boolean): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  const date = endOfDay ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 23, 59, 59, 999) : new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** The journal's filter: `from` is the start of that local day, `to` its end, so one day means that day. */
export function runFilterOf(search: HistorySearch): RunFilter {
  const from = localDay(search.from, false);
  const to = localDay(search.to, true);
  return {
    ...(search.space.trim() ? { space: search.space.trim() } : {}),
    ...(search.cluster ? { cluster: search.cluster } : {}),
    ...(search.cmsUser ? { cmsUser: search.cmsUser } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(search.batch ? { batch: search.batch } : {}),
  };
}
