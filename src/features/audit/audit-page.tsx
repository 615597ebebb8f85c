import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Divider from '@mui/material/Divider';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { exportScanResults, scanQueries } from '../../api/resources/scans';
import { studioConnectionQueries } from '../../api/transport/studio-connection';
import { plural } from '../../domain/profile-resolution/words';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { orderOf, resultFilterOf, searchFromParams, withSearch, type AuditSearch } from './audit-search';
import { ComparisonBar } from './comparison-bar';
import { FixActions, useRowSelection } from './fix-actions';
import { ExportButtons } from '../../components/export-buttons';
import { ResultFilters } from './result-filters';
import { ResultsTable } from './results-table';
import { ScanPanel } from './scan-panel';
import { baseScanFor, useAuditScans } from './use-audit-scans';
import { useScanActivity } from './use-scan-activity';

/** Stored results change as a scan goes on and when it ends: lists and the Spaces page's status column follow. */
function useFreshResults(finished: string) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (finished === '') return;
    void queryClient.invalidateQueries({ queryKey: scanQueries.all() });
    void queryClient.invalidateQueries({ queryKey: scanQueries.spaceStatuses() });
  }, [finished, queryClient]);
}

/**
 * The fleet audit: every space of a cluster (or of every cluster) read and evaluated as the space
 * page does, stored by the server with its time, listed with filters, compared with an earlier
 * scan and exported.
 */
export function AuditPage() {
  const connection = useQuery(studioConnectionQueries.current());
  const { running, finished } = useScanActivity();
  const { scans, latest, live, error } = useAuditScans(running);
  useFreshResults(finished);
  const [params, setParams] = useSearchParams();
  const search = searchFromParams(params);
  const q = useDebouncedValue(search.q, 300);
  const onChange = (key: keyof AuditSearch, value: string | string[]) => setParams((previous) => withSearch(previous, key, value), { replace: true });

  const clusters = [...latest.keys()].sort();
  const listed = (search.cluster ? clusters.filter((c) => c === search.cluster) : clusters).flatMap((c) => latest.get(c) ?? []);
  const single = listed.length === 1 ? listed[0] : undefined;
  const base = baseScanFor(scans, single, search.base);
  const earlier = single ? scans.filter((s) => s.cluster === single.cluster && s.id !== single.id && s.startedAt < single.startedAt && s.counts.results > 0) : [];
  const filter = resultFilterOf({ ...search, q }, listed.map((s) => s.id), base?.id);
  const order = orderOf(search);
  const first = useQuery({ ...scanQueries.resultPage(filter, order, 0), enabled: listed.length > 0, placeholderData: keepPreviousData });
  const selection = useRowSelection();

  return (
    <Stack spacing={2}>
      <Box>
        <Typography variant="h4" component="h1" gutterBottom>
          Audit
        </Typography>
        <Typography color="text.secondary">
          Every space read and evaluated as the space page does: its verdict, its findings and the role each way in gives. The server keeps each scan with its time.
        </Typography>
      </Box>
      {connection.isError && <Alert severity="error">{connection.error.message}</Alert>}
      {connection.data && <ScanPanel connection={connection.data} latest={latest} />}
      {error && <Alert severity="error">The stored scans could not be read: {error.message}</Alert>}
      <Divider />
      {listed.length === 0 ? (
        <Typography color="text.secondary">No scan yet: scan all spaces to see which are broken.</Typography>
      ) : (
        <Stack spacing={1.5} component="section" aria-label="Results">
          <ResultFilters search={search} scans={listed.map((s) => s.id)} clusters={clusters} live={live} onChange={onChange} />
          {single && base && <ComparisonBar scan={single} base={base} earlier={earlier} change={search.change} live={live} onChange={onChange} />}
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <Typography role="status" variant="body2">
              {first.data ? plural(first.data.total, 'space') : first.isError ? '' : 'Loading results…'}
            </Typography>
            <ExportButtons exportAs={(format) => exportScanResults(filter, order, format)} label="Export" title="The listed results in the list’s order; results hold PIN presence, never a PIN" />
            {connection.data && (
              <FixActions filter={filter} total={first.data?.total ?? 0} connection={connection.data} listedClusters={listed.map((s) => s.cluster)} selection={selection} />
            )}
          </Stack>
          {first.isError && <Alert severity="error">The results could not be read: {first.error.message}</Alert>}
          <ResultsTable filter={filter} order={order} live={live} showCluster={listed.length > 1} selection={selection} />
        </Stack>
      )}
    </Stack>
  );
}
