import Alert from '@mui/material/Alert';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { CoSpace } from '../../api/params/schemas';
import { spaceQueries } from '../../api/resources/spaces';
import { tenantQueries } from '../../api/resources/tenants';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { spaceLink } from '../../lib/wizard-links';
import { FindPanel } from './find-panel';
import { ScanStatusCell } from './scan-status-cell';
import { SpaceTable } from './space-table';
import { useSpaceRows } from './use-space-rows';
import { formatCount } from '../../domain/profile-resolution/words';

/**
 * Spaces as the CMS web admin lists them, as one long virtualized list. Pages are read as their
 * rows come into view, wherever that is: the first page tells CMS's page cap, the rest follow from it.
 */
export function SpacesPage() {
  const navigate = useNavigate();
  const [filterText, setFilterText] = useState('');
  const filter = useDebouncedValue(filterText.trim(), 300);
  const list = useSpaceRows(filter);
  const tenants = useQuery({ ...tenantQueries.listAll(), staleTime: 60_000 });
  const { total, loaded } = list;

  const tenantNames = useMemo(() => new Map((tenants.data?.items ?? []).map((t) => [t.id, t.name])), [tenants.data]);
  const tenantName = useCallback(
    (id: string | undefined) => {
      if (!id) return <span aria-label="no tenant">—</span>;
      const name = tenantNames.get(id);
      return name ? (
        <Tooltip title={id}>
          <span>{name}</span>
        </Tooltip>
      ) : (
        <Tooltip title={tenants.isPending ? 'Loading tenant names…' : 'A tenant without a name, or one CMS did not list'}>
          <span style={{ fontFamily: 'monospace', fontSize: 12 }}>{id}</span>
        </Tooltip>
      );
    },
    [tenantNames, tenants.isPending],
  );

  const onOpen = useCallback(
    (space: CoSpace) => {
      if (space.id) void navigate(spaceLink(space.id));
    },
    [navigate],
  );

  const counted = list.isSuccess
    ? `${formatCount(total)} ${total === 1 ? 'space' : 'spaces'}${filter ? ` matching “${filter}”` : ''}${
        loaded < total ? ` · ${formatCount(loaded)} loaded` : ''
      }`
    : '';

  return (
    <Stack spacing={2}>
      <Typography variant="h4" component="h1">
        Spaces
      </Typography>
      <FindPanel />
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: 'flex-start' }}>
        <TextField
          label="Filter by name, URI, secondary URI or call ID"
          helperText="CMS filter: a case-insensitive substring; ↓ moves into the list"
          value={filterText}
          onChange={(event) => setFilterText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key !== 'ArrowDown') return;
            event.preventDefault();
            const list = document.querySelector<HTMLElement>('[data-space-list]');
            (list?.querySelector<HTMLElement>('tr[data-index="0"]') ?? list)?.focus();
          }}
          size="small"
          sx={{ flex: 1, maxWidth: 480 }}
        />
      </Stack>
      {list.error && <Alert severity="error">{list.error.message}</Alert>}
      <Paper variant="outlined" sx={{ overflow: 'hidden' }}>
        <LinearProgress aria-label="Loading spaces" sx={{ visibility: list.isFetching ? 'visible' : 'hidden' }} />
        {list.isSuccess && total === 0 ? (
          <Typography sx={{ p: 2 }}>{filter ? `No space matches “${filter}”.` : 'This CMS has no spaces.'}</Typography>
        ) : (
          <SpaceTable
            rowCount={list.isSuccess ? total : 0}
            rowAt={list.rowAt}
            onRangeChange={list.onRangeChange}
            reading={list.reading}
            onOpen={onOpen}
            tenantName={tenantName}
            accessMethods={(space, settled) => <AccessMethodCount space={space} settled={settled} />}
            audit={(space, settled) => <ScanStatusCell space={space} settled={settled} />}
            height="max(320px, calc(100vh - 330px))"
          />
        )}
        <Typography variant="body2" aria-live="polite" sx={{ px: 2, py: 1, borderTop: 1, borderColor: 'divider' }}>
          {counted || ' '}
        </Typography>
      </Paper>
    </Stack>
  );
}

/**
 * The list answer has no access-method count, so a row asks for its space's own object once the
 * user stops scrolling; the answer is the space detail the space page reuses.
 */
function AccessMethodCount({ space, settled }: { space: CoSpace; settled: boolean }) {
  const id = space.id ?? '';
  const detail = useQuery({ ...spaceQueries.detail(id), enabled: settled && id !== '', staleTime: 60_000 });
  if (detail.isError) return <span aria-label="unknown">?</span>;
  if (!detail.data) return <span aria-label="not loaded yet">…</span>;
  const n = detail.data.numAccessMethods ?? 0;
  return n === 0 ? <span aria-label="none">—</span> : <>{n}</>;
}
