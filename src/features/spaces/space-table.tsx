import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import type { CoSpace } from '../../api/params/schemas';
import { spaceLink } from '../../lib/wizard-links';
import { useDebouncedValue } from '../../lib/use-debounced-value';

export const ROW_HEIGHT = 37;
const HEADER_HEIGHT = 39;
/** rows before the end of what was received at which the next page is asked for */
const PREFETCH_ROWS = 10;

const columns: ReadonlyArray<{ id: string; label: string; title?: string; width: string }> = [
  { id: 'name', label: 'Name', width: '21%' },
  { id: 'uri', label: 'URI user part', width: '17%' },
  { id: 'secondaryUri', label: 'Secondary URI', width: '12%' },
  { id: 'accessMethods', label: 'Access methods', title: 'Additional access methods: ways in beyond the space’s own URI and call ID', width: '11%' },
  { id: 'callId', label: 'Call ID', width: '10%' },
  { id: 'tenant', label: 'Tenant', width: '16%' },
  { id: 'audit', label: 'Audit', title: 'The verdict of the latest scan that read the space (Audit page), and when', width: '13%' },
];

type SpaceTableProps = {
  /** rows CMS says there are (its `total`), loaded or not */
  rowCount: number;
  /** rows received so far, in order */
  rows: readonly CoSpace[];
  /** asked for when the visible rows come near the end of `rows` */
  onNeedMore: () => void;
  loadingMore: boolean;
  onOpen: (space: CoSpace) => void;
  tenantName: (tenantId: string | undefined) => ReactNode;
  /** the access-method count cell; `settled` is false while the user scrolls, so it can wait before fetching */
  accessMethods?: (space: CoSpace, settled: boolean) => ReactNode;
  /** the audit cell: the latest scan's verdict; `settled` as for accessMethods */
  audit?: (space: CoSpace, settled: boolean) => ReactNode;
  height?: number | string;
  /** the table's accessible name */
  label?: string;
};

const dash = <span aria-label="none">—</span>;

/**
 * Virtualized spaces table: only the rows in view (plus a margin) are in the DOM, so 20,000 rows
 * scroll like 20. Arrow keys, Page Up/Down, Home/End move between rows; Enter opens one.
 */
export function SpaceTable({
  rowCount,
  rows,
  onNeedMore,
  loadingMore,
  onOpen,
  tenantName,
  accessMethods,
  audit,
  height = 560,
  label = 'Spaces',
}: SpaceTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const [focusWithin, setFocusWithin] = useState(false);
  const focusWanted = useRef(false);
  // No React Compiler in this build, so the virtualizer's unmemoizable functions are fine.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    scrollPaddingStart: HEADER_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items[items.length - 1];
  const paddingTop = first?.start ?? 0;
  const paddingBottom = Math.max(0, virtualizer.getTotalSize() - (last?.end ?? 0));
  const settled = !useDebouncedValue(virtualizer.isScrolling, 300) && !virtualizer.isScrolling;

  const lastIndex = last?.index ?? -1;
  useEffect(() => {
    if (!loadingMore && rows.length < rowCount && lastIndex >= rows.length - PREFETCH_ROWS) onNeedMore();
  }, [lastIndex, rows.length, rowCount, loadingMore, onNeedMore]);

  useEffect(() => {
    if (!focusWanted.current) return;
    const row = scrollRef.current?.querySelector<HTMLElement>(`tr[data-index="${active}"]`);
    if (row) {
      row.focus({ preventScroll: true });
      focusWanted.current = false;
    }
  });

  const activeIndex = Math.min(active, Math.max(0, rowCount - 1));

  const move = (to: number) => {
    const index = Math.max(0, Math.min(rowCount - 1, to));
    setActive(index);
    focusWanted.current = true;
    virtualizer.scrollToIndex(index, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (rowCount === 0) return;
    const pageRows = Math.max(1, Math.floor((event.currentTarget.clientHeight - HEADER_HEIGHT) / ROW_HEIGHT) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(activeIndex + 1),
      ArrowUp: () => move(activeIndex - 1),
      PageDown: () => move(activeIndex + pageRows),
      PageUp: () => move(activeIndex - pageRows),
      Home: () => move(0),
      End: () => move(rowCount - 1),
      Enter: () => {
        const space = rows[activeIndex];
        if (space) onOpen(space);
      },
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  // The row under the header: the virtual items start a few rows earlier (overscan).
  const topRow = Math.min(rowCount - 1, Math.floor((virtualizer.scrollOffset ?? 0) / ROW_HEIGHT));
  const farAhead = rows.length < rowCount && topRow >= rows.length;

  return (
    <Box sx={{ position: 'relative' }}>
      {farAhead && (
        <Paper
          role="status"
          elevation={3}
          sx={{ position: 'absolute', zIndex: 3, top: HEADER_HEIGHT + 16, left: '50%', transform: 'translateX(-50%)', px: 2, py: 1, maxWidth: '90%' }}
        >
          <Typography variant="body2">
            Reading CMS pages in order to reach row {(topRow + 1).toLocaleString()}: {rows.length.toLocaleString()} of {rowCount.toLocaleString()} loaded.
          </Typography>
          <Typography variant="caption" color="text.secondary">
            Each page starts where CMS’s last answer ended; a filter or the exact lookup gets to a space at once.
          </Typography>
        </Paper>
      )}
      <Box
        ref={scrollRef}
        data-space-list
        tabIndex={0}
        onKeyDown={onKeyDown}
        onFocus={() => setFocusWithin(true)}
        onBlur={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocusWithin(false);
        }}
        aria-label={`${label}: arrow keys move between rows, Enter opens a space`}
        sx={{ height, overflow: 'auto', '&:focus-visible': { outline: 2, outlineColor: 'primary.main', outlineOffset: -2 } }}
      >
        <Table stickyHeader size="small" aria-label={label} aria-rowcount={rowCount + 1} sx={{ tableLayout: 'fixed', minWidth: 1060 }}>
          <TableHead>
            <TableRow aria-rowindex={1} sx={{ height: HEADER_HEIGHT }}>
              {columns.map((column) => (
                <TableCell key={column.id} title={column.title} sx={{ width: column.width, fontWeight: 600, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
                  {column.label}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {paddingTop > 0 && (
              <tr aria-hidden="true" style={{ height: paddingTop }}>
                <td colSpan={columns.length} style={{ padding: 0, border: 0 }} />
              </tr>
            )}
            {items.map((item) => {
              const space = rows[item.index];
              const isActive = item.index === activeIndex;
              if (!space) {
                return (
                  <TableRow key={`pending-${item.index}`} data-index={item.index} aria-rowindex={item.index + 2} sx={{ height: ROW_HEIGHT }}>
                    <TableCell colSpan={columns.length} aria-label={loadingMore ? 'Loading…' : 'Not loaded yet'}>
                      <Skeleton variant="text" width={`${40 + ((item.index * 37) % 45)}%`} />
                    </TableCell>
                  </TableRow>
                );
              }
              return (
                <TableRow
                  key={space.id ?? item.index}
                  data-index={item.index}
                  aria-rowindex={item.index + 2}
                  hover
                  selected={isActive && focusWithin}
                  tabIndex={-1}
                  onFocus={() => setActive(item.index)}
                  onClick={(event) => {
                    setActive(item.index);
                    // A link keeps its own behaviour (ctrl-click opens a tab); the rest of the row opens the space.
                    if (!(event.target as HTMLElement).closest('a')) onOpen(space);
                  }}
                  sx={{ height: ROW_HEIGHT, cursor: 'pointer', '& td': { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' } }}
                >
                  <TableCell>
                    {space.id ? (
                      <Link component={RouterLink} to={spaceLink(space.id)} tabIndex={-1} underline="hover">
                        {space.name ?? <em>(no name)</em>}
                      </Link>
                    ) : (
                      (space.name ?? <em>(no name)</em>)
                    )}
                  </TableCell>
                  <TableCell>{space.uri ?? dash}</TableCell>
                  <TableCell>{space.secondaryUri ?? dash}</TableCell>
                  <TableCell>{accessMethods ? accessMethods(space, settled) : dash}</TableCell>
                  <TableCell>{space.callId ?? dash}</TableCell>
                  <TableCell>{tenantName(space.tenant)}</TableCell>
                  <TableCell>{audit ? audit(space, settled) : dash}</TableCell>
                </TableRow>
              );
            })}
            {paddingBottom > 0 && (
              <tr aria-hidden="true" style={{ height: paddingBottom }}>
                <td colSpan={columns.length} style={{ padding: 0, border: 0 }} />
              </tr>
            )}
          </TableBody>
        </Table>
      </Box>
    </Box>
  );
}
