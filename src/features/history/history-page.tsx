import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { Outlet, useParams, useSearchParams } from 'react-router';
import { exportRuns, journalQueries } from '../../api/resources/journal';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { ExportButtons } from '../../components/export-buttons';
import { FILTER_KEYS, runFilterOf, searchFromParams, type HistorySearch } from './filter-params';
import { RunList } from './run-list';
import { UndoBatchButton } from './undo-batch';

function Filters({ search, onChange }: { search: HistorySearch; onChange: (key: keyof HistorySearch, value: string) => void }) {
  const facets = useQuery(journalQueries.facets());
  const options = (values: string[] | undefined, current: string) => [...new Set([...(values ?? []), ...(current ? [current] : [])])];
  return (
    <Stack direction="row" spacing={1.5} useFlexGap sx={{ flexWrap: 'wrap' }} role="search" aria-label="Filter runs">
      <TextField size="small" label="Space" placeholder="id, name or URI" value={search.space} onChange={(e) => onChange('space', e.target.value)} />
      <TextField select size="small" label="Cluster" value={search.cluster} onChange={(e) => onChange('cluster', e.target.value)} sx={{ minWidth: 140 }}>
        <MenuItem value="">All clusters</MenuItem>
        {options(facets.data?.clusters, search.cluster).map((c) => (
          <MenuItem key={c} value={c}>
            {c}
          </MenuItem>
        ))}
      </TextField>
      <TextField select size="small" label="CMS user" value={search.cmsUser} onChange={(e) => onChange('cmsUser', e.target.value)} sx={{ minWidth: 140 }}>
        <MenuItem value="">All users</MenuItem>
        {options(facets.data?.cmsUsers, search.cmsUser).map((u) => (
          <MenuItem key={u} value={u}>
            {u}
          </MenuItem>
        ))}
      </TextField>
      <TextField size="small" type="date" label="From" value={search.from} onChange={(e) => onChange('from', e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
      <TextField size="small" type="date" label="To" value={search.to} onChange={(e) => onChange('to', e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
    </Stack>
  );
}

/** History: every run the studio recorded, newest first, filtered by space, cluster, CMS user and date; a run's detail beside it. */
export function HistoryPage() {
  const [params, setParams] = useSearchParams();
  const { runId } = useParams();
  const search = searchFromParams(params);
  const debouncedSpace = useDebouncedValue(search.space, 300);
  // Query keys compare filters by value, so a new object per render is fine.
  const filter = runFilterOf({ ...search, space: debouncedSpace });
  const list = useInfiniteQuery(journalQueries.list(filter));
  const runs = useMemo(() => list.data?.pages.flatMap((p) => p.runs) ?? [], [list.data]);
  const total = list.data?.pages[0]?.total ?? 0;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  const onNeedMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  const onChange = (key: keyof HistorySearch, value: string) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const query = FILTER_KEYS.some((key) => params.has(key)) ? `?${params.toString()}` : '';

  return (
    <Box>
      <Typography variant="h4" component="h1" gutterBottom>
        History
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        Every change the studio sent to CMS, stored by the server: what started it, each request as sent, CMS’s answer and the values before and after.
      </Typography>
      <Stack spacing={2}>
        <Filters search={search} onChange={onChange} />
        {search.batch && (
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }} aria-label="Batch">
            <Typography variant="body2">
              The runs of batch {search.batch} (one per space, and one for the profiles they share)
            </Typography>
            <UndoBatchButton batchId={search.batch} />
            <Button size="small" onClick={() => onChange('batch', '')}>
              Show every run
            </Button>
          </Stack>
        )}
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography role="status" variant="body2">
            {list.isPending ? 'Loading runs…' : `${total.toLocaleString()} run${total === 1 ? '' : 's'}`}
          </Typography>
          <ExportButtons exportAs={(format) => exportRuns(filter, format)} label="Export these runs" title="Passcodes and secrets are masked in every export" />
        </Stack>
        {list.isError && <Alert severity="error">The change journal could not be read: {list.error.message}</Alert>}
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: 'minmax(360px, 5fr) 7fr' }, alignItems: 'start' }}>
          <RunList
            rowCount={total}
            runs={runs}
            onNeedMore={onNeedMore}
            loadingMore={isFetchingNextPage}
            {...(runId ? { selectedId: runId } : {})}
            linkTo={(run) => `/history/${run.id}${query}`}
            height="calc(100vh - 300px)"
          />
          <Box sx={{ minWidth: 0 }}>{runId ? <Outlet /> : <Typography color="text.secondary">Pick a run to see its requests, answers and values.</Typography>}</Box>
        </Box>
      </Stack>
    </Box>
  );
}
