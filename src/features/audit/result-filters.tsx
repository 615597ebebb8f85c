import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import { useQuery } from '@tanstack/react-query';
import { scanQueries } from '../../api/resources/scans';
import { scanStatusSchema } from '../../api/wire/scan-contract';
import { formatCount } from '../../domain/profile-resolution/words';
import type { AuditSearch } from './audit-search';
import { STATUS_LABELS } from '../../components/scan-status-chip';
import { STATUS_ORDER } from './labels';

const SORT_LABELS: Record<AuditSearch['sort'], string> = {
  status: 'Verdict (worst first)',
  name: 'Name',
  uri: 'URI',
  tenant: 'Tenant',
  findings: 'Number of problems',
  scannedAt: 'Time scanned',
};

type Change = (key: keyof AuditSearch, value: string | string[]) => void;

/** Status, finding, tenant, cluster and text filters, and the order, over the listed scans. */
export function ResultFilters({ search, scans, clusters, live, onChange }: { search: AuditSearch; scans: readonly string[]; clusters: readonly string[]; live: boolean; onChange: Change }) {
  const facets = useQuery({ ...scanQueries.facets(scans), enabled: scans.length > 0, refetchInterval: live ? 5_000 : false });
  const findings = facets.data?.findings ?? [];
  const tenants = facets.data?.tenants ?? [];
  return (
    <Stack spacing={1.5} role="search" aria-label="Filter results">
      <Stack direction="row" spacing={1.5} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
        <ToggleButtonGroup
          size="small"
          aria-label="Verdict"
          value={search.status}
          onChange={(_e, value: string[]) => onChange('status', value.filter((v) => scanStatusSchema.safeParse(v).success))}
        >
          {STATUS_ORDER.map((status) => (
            <ToggleButton key={status} value={status} aria-label={STATUS_LABELS[status].label}>
              {STATUS_LABELS[status].label}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
        <TextField select size="small" label="Finding" value={search.finding} onChange={(e) => onChange('finding', e.target.value)} sx={{ minWidth: 260, maxWidth: 420 }}>
          <MenuItem value="">Any finding</MenuItem>
          {findings.map((f) => (
            <MenuItem key={`${f.kind}:${f.severity}`} value={f.kind}>
              {f.title} ({formatCount(f.spaces)})
            </MenuItem>
          ))}
          {search.finding && !findings.some((f) => f.kind === search.finding) && <MenuItem value={search.finding}>{search.finding}</MenuItem>}
        </TextField>
        <TextField select size="small" label="Tenant" value={search.tenant} onChange={(e) => onChange('tenant', e.target.value)} sx={{ minWidth: 160 }}>
          <MenuItem value="">Any tenant</MenuItem>
          <MenuItem value="none">No tenant</MenuItem>
          {tenants.map((t) => (
            <MenuItem key={t.id} value={t.id}>
              {t.name ?? t.id} ({formatCount(t.spaces)})
            </MenuItem>
          ))}
          {search.tenant && search.tenant !== 'none' && !tenants.some((t) => t.id === search.tenant) && <MenuItem value={search.tenant}>{search.tenant}</MenuItem>}
        </TextField>
        {clusters.length > 1 && (
          <TextField select size="small" label="Cluster" value={search.cluster} onChange={(e) => onChange('cluster', e.target.value)} sx={{ minWidth: 140 }}>
            <MenuItem value="">Every cluster</MenuItem>
            {clusters.map((c) => (
              <MenuItem key={c} value={c}>
                {c}
              </MenuItem>
            ))}
          </TextField>
        )}
      </Stack>
      <Stack direction="row" spacing={1.5} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
        <TextField size="small" label="Space" placeholder="name, URI, call ID or id" value={search.q} onChange={(e) => onChange('q', e.target.value)} sx={{ minWidth: 260 }} />
        <TextField select size="small" label="Sort by" value={search.sort} onChange={(e) => onChange('sort', e.target.value)} sx={{ minWidth: 200 }}>
          {Object.entries(SORT_LABELS).map(([value, label]) => (
            <MenuItem key={value} value={value}>
              {label}
            </MenuItem>
          ))}
        </TextField>
        <TextField select size="small" label="Order" value={search.dir} onChange={(e) => onChange('dir', e.target.value)} sx={{ minWidth: 140 }}>
          <MenuItem value="">Usual</MenuItem>
          <MenuItem value="asc">Ascending</MenuItem>
          <MenuItem value="desc">Descending</MenuItem>
        </TextField>
      </Stack>
    </Stack>
  );
}
