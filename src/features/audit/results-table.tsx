import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Skeleton from '@mui/material/Skeleton';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useRef } from 'react';
import { Link as RouterLink } from 'react-router';
import { SCAN_RESULT_PAGE, scanQueries, type ScanOrder } from '../../api/resources/scans';
import type { ScanResultFilter, ScanResultRow } from '../../api/wire/scan-contract';
import { spaceLink } from '../../lib/wizard-links';
import { STATUS_LABELS } from '../../components/scan-status-chip';
import { formatTime } from './labels';
import { VirtualPaddingRow, virtualPaddings } from '../../components/virtual-padding';

const ROW_HEIGHT = 37;
const HEADER_HEIGHT = 39;

const dash = <span aria-label="none">—</span>;

/** Which rows are ticked for "Fix selected", by space id. */
export interface RowSelection {
  selected: ReadonlySet<string>;
  onToggle: (spaceId: string) => void;
}

interface ResultRowProps {
  row: ScanResultRow;
  index: number;
  showCluster: boolean;
  selected: boolean;
  onToggle: (spaceId: string) => void;
}

/**
 * Memoized: while a scan runs the list's pages are read again every few seconds, and structural
 * sharing keeps an unchanged result the same object, so only rows that changed render again.
 */
const ResultRow = memo(function ResultRow({ row, index, showCluster, selected, onToggle }: ResultRowProps) {
  const status = STATUS_LABELS[row.status];
  const problems = row.findings.filter((f) => f.severity !== 'info');
  const was = row.was ? STATUS_LABELS[row.was].label : undefined;
  return (
    <TableRow data-index={index} aria-rowindex={index + 2} hover sx={{ height: ROW_HEIGHT, '& td': { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' } }}>
      <TableCell padding="checkbox">
        <Checkbox size="small" checked={selected} onChange={() => onToggle(row.spaceId)} slotProps={{ input: { 'aria-label': `Select ${row.name ?? row.spaceId}` } }} />
      </TableCell>
      <TableCell>
        <Tooltip title={row.status === 'unread' ? row.summary : status.hint}>
          <Chip size="small" color={status.color} label={status.label} />
        </Tooltip>
        {was !== undefined && was !== status.label && (
          <Box component="span" sx={{ ml: 0.5, fontSize: 12, color: 'text.secondary' }}>
            was {was}
          </Box>
        )}
      </TableCell>
      <TableCell>
        <Link component={RouterLink} to={spaceLink(row.spaceId, row.status === 'pass' ? 'overview' : 'troubleshoot')} underline="hover">
          {row.name ?? <em>(no name)</em>}
        </Link>
      </TableCell>
      <TableCell>{row.uri ?? dash}</TableCell>
      <TableCell>{row.callId ?? dash}</TableCell>
      <TableCell>{row.tenantName ?? row.tenant ?? dash}</TableCell>
      <TableCell title={problems.map((f) => f.title).join('\n')}>{problems.length === 0 ? dash : problems.map((f) => f.title).join('; ')}</TableCell>
      <TableCell title={row.paths.map((p) => `${p.label}: ${p.role}`).join('\n')}>
        {row.roles.host} host · {row.roles.guest} guest
      </TableCell>
      <TableCell>{showCluster ? row.cluster : formatTime(row.scannedAt)}</TableCell>
    </TableRow>
  );
});

/**
 * The results the filter selects, as one virtualized table: only the rows in view are in the DOM,
 * and each page of 200 is read when a row of it comes into view, so a jump to the end costs one request.
 */
export function ResultsTable({
  filter,
  order,
  live,
  showCluster,
  selection,
}: {
  filter: ScanResultFilter;
  order: ScanOrder;
  live: boolean;
  showCluster: boolean;
  selection: RowSelection;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const refetchInterval = live ? 3_000 : false;
  const first = useQuery({ ...scanQueries.resultPage(filter, order, 0), refetchInterval, placeholderData: keepPreviousData });
  const total = first.data?.total ?? 0;
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 10, scrollPaddingStart: HEADER_HEIGHT });
  const items = virtualizer.getVirtualItems();
  const pageIndexes = [...new Set(items.map((item) => Math.floor(item.index / SCAN_RESULT_PAGE)))].filter((p) => p > 0);
  const pages = useQueries({ queries: pageIndexes.map((index) => ({ ...scanQueries.resultPage(filter, order, index), refetchInterval })) });
  const rowAt = (index: number): ScanResultRow | undefined => {
    const page = Math.floor(index / SCAN_RESULT_PAGE);
    const data = page === 0 ? first.data : pages[pageIndexes.indexOf(page)]?.data;
    return data?.results[index % SCAN_RESULT_PAGE];
  };
  const padding = virtualPaddings(items, virtualizer.getTotalSize());
  const columns = ['Select', 'Status', 'Space', 'URI', 'Call ID', 'Tenant', 'Problems', 'Ways in', showCluster ? 'Cluster' : 'Scanned'];
  const widths = ['4%', '10%', '16%', '14%', '9%', '10%', '20%', '9%', '8%'];

  return (
    <Box ref={scrollRef} data-result-list sx={{ height: 'max(320px, calc(100vh - 420px))', overflow: 'auto', border: 1, borderColor: 'divider', borderRadius: 1 }}>
      <Table stickyHeader size="small" aria-label="Scan results" aria-rowcount={total + 1} sx={{ tableLayout: 'fixed', minWidth: 1000 }}>
        <TableHead>
          <TableRow aria-rowindex={1} sx={{ height: HEADER_HEIGHT }}>
            {columns.map((label, i) => (
              <TableCell key={label} sx={{ width: widths[i], fontWeight: 600, whiteSpace: 'nowrap' }}>
                {label === 'Select' ? <span aria-label="Select" /> : label}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          <VirtualPaddingRow height={padding.top} columns={columns.length} />
          {items.map((item) => {
            const row = rowAt(item.index);
            return row ? (
              <ResultRow
                key={`${row.scanId}:${row.spaceId}`}
                row={row}
                index={item.index}
                showCluster={showCluster}
                selected={selection.selected.has(row.spaceId)}
                onToggle={selection.onToggle}
              />
            ) : (
              <TableRow key={`pending-${item.index}`} data-index={item.index} aria-rowindex={item.index + 2} sx={{ height: ROW_HEIGHT }}>
                <TableCell colSpan={columns.length} aria-label="Loading…">
                  <Skeleton variant="text" width={`${40 + ((item.index * 37) % 45)}%`} />
                </TableCell>
              </TableRow>
            );
          })}
          <VirtualPaddingRow height={padding.bottom} columns={columns.length} />
        </TableBody>
      </Table>
    </Box>
  );
}
