import { scanStatusSchema, type ScanResultFilter, type ScanStatus } from '../../api/wire/scan-contract';
import type { ScanOrder, ScanSort } from '../../api/resources/scans';

/** The audit's view as it sits in the page URL, so a filtered list can be shared, reloaded and handed to a later action. */
export interface AuditSearch {
  status: ScanStatus[];
  finding: string;
  tenant: string;
  cluster: string;
  q: string;
  sort: ScanSort;
  dir: '' | 'asc' | 'desc';
  /** compare with `base`: spaces with a problem new since, or fixed since */
  change: '' | 'new' | 'fixed';
  base: string;
}

const SORTS: readonly ScanSort[] = ['status', 'name', 'uri', 'tenant', 'findings', 'scannedAt'];

export function searchFromParams(params: URLSearchParams): AuditSearch {
  const statuses = (params.get('status') ?? '').split(',').flatMap((s) => {
    const parsed = scanStatusSchema.safeParse(s);
    return parsed.success ? [parsed.data] : [];
  });
  const sort = SORTS.find((s) => s === params.get('sort')) ?? 'status';
  const dir = params.get('dir');
  const change = params.get('change');
  return {
    status: statuses,
    finding: params.get('finding') ?? '',
    tenant: params.get('tenant') ?? '',
    cluster: params.get('cluster') ?? '',
    q: params.get('q') ?? '',
    sort,
    dir: dir === 'asc' || dir === 'desc' ? dir : '',
    change: change === 'new' || change === 'fixed' ? change : '',
    base: params.get('base') ?? '',
  };
}

/** The URL with one field of the view changed; defaults leave the URL. */
export function withSearch(params: URLSearchParams, key: keyof AuditSearch, value: string | string[]): URLSearchParams {
  const next = new URLSearchParams(params);
  const text = Array.isArray(value) ? value.join(',') : value;
  if (text === '' || (key === 'sort' && text === 'status')) next.delete(key);
  else next.set(key, text);
  return next;
}

/** The server's filter over the given scans (each cluster's latest, or the one cluster's). */
export function resultFilterOf(search: AuditSearch, scans: readonly string[], base: string | undefined): ScanResultFilter {
  const q = search.q.trim();
  const comparing = search.change !== '' && base !== undefined && scans.length === 1;
  return {
    scans: [...scans],
    ...(search.status.length > 0 ? { status: search.status } : {}),
    ...(search.finding ? { finding: search.finding } : {}),
    ...(search.tenant ? { tenant: search.tenant } : {}),
    ...(q ? { q } : {}),
    ...(comparing && search.change ? { base, change: search.change } : {}),
  };
}

export function orderOf(search: AuditSearch): ScanOrder {
  return { sort: search.sort, ...(search.dir ? { dir: search.dir } : {}) };
}
