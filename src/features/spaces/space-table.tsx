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
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { Link as RouterLink } from 'react-router';
import type { CoSpace } from '../../api/params/schemas';
import { spaceLink } from '../../lib/wizard-links';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { VirtualPaddingRow, virtualPaddings } from '../../components/virtual-padding';

export const ROW_HEIGHT = 37;
const HEADER_HEIGHT = 39;

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
  /** the row at an index, once its page has been read */
  rowAt: (index: number) => CoSpace | undefined;
  /** told the first and last row in view (overscan included), so their pages can be read */
  onRangeChange: (start: number, end: number) => void;
  /** pages in view are being read */
  reading: boolean;
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
  rowAt,
  onRangeChange,
  reading,
  onOpen,
  tenantName,
  accessMethods,
  audit,
  height = 560,
  label = 'Spaces',
}: SpaceTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [focusWithin, setFocusWithin] = useState(false);
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
  const padding = virtualPaddings(items, virtualizer.getTotalSize());
  const settled = !useDebouncedValue(virtualizer.isScrolling, 300) && !virtualizer.isScrolling;

  const firstIndex = first?.index ?? 0;
  const lastIndex = last?.index ?? -1;
  useEffect(() => {
    if (lastIndex >= 0) onRangeChange(firstIndex, lastIndex);
  }, [firstIndex, lastIndex, onRangeChange]);

  const { activeIndex, setActive, onKeyDown } = useRowKeys({ rowCount, rowAt, onOpen, scrollRef, scrollToIndex: (i) => virtualizer.scrollToIndex(i, { align: 'auto' }) });

  // The rows under the header: the virtual items start and end a few rows beyond them (overscan).
  const topRow = Math.min(rowCount - 1, Math.floor((virtualizer.scrollOffset ?? 0) / ROW_HEIGHT));
  const viewRows = Math.max(1, Math.floor(((virtualizer.scrollRect?.height ?? 0) - HEADER_HEIGHT) / ROW_HEIGHT));
  const bottomRow = Math.min(rowCount - 1, topRow + viewRows - 1);
  const waiting = rowCount > 0 && rowAt(topRow) === undefined;

  return (
    <Box sx={{ position: 'relative' }}>
      {waiting && <ReadingRows from={topRow} to={bottomRow} rowCount={rowCount} />}
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
            <VirtualPaddingRow height={padding.top} columns={columns.length} />
            {items.map((item) => {
              const space = rowAt(item.index);
              const isActive = item.index === activeIndex;
              if (!space) {
                return (
                  <TableRow key={`pending-${item.index}`} data-index={item.index} aria-rowindex={item.index + 2} sx={{ height: ROW_HEIGHT }}>
                    <TableCell colSpan={columns.length} aria-label={reading ? 'Loading…' : 'Not loaded yet'}>
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
            <VirtualPaddingRow height={padding.bottom} columns={columns.length} />
          </TableBody>
        </Table>
      </Box>
    </Box>
  );
}

interface RowKeys {
  rowCount: number;
  rowAt: (index: number) => CoSpace | undefined;
  onOpen: (space: CoSpace) => void;
  scrollRef: RefObject<HTMLDivElement | null>;
  scrollToIndex: (index: number) => void;
}

/** The active row and the keys that move it (arrows, pages, Home, End) or open its space (Enter). */
function useRowKeys({ rowCount, rowAt, onOpen, scrollRef, scrollToIndex }: RowKeys) {
  const [active, setActive] = useState(0);
  const focusWanted = useRef(false);
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
    scrollToIndex(index);
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
        const space = rowAt(activeIndex);
        if (space) onOpen(space);
      },
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };
  return { activeIndex, setActive, onKeyDown };
}

/** Scrolled to rows whose pages are not read yet: only those pages are read, several at once. */
function ReadingRows({ from, to, rowCount }: { from: number; to: number; rowCount: number }) {
  return (
    <Paper
      role="status"
      elevation={3}
      sx={{ position: 'absolute', zIndex: 3, top: HEADER_HEIGHT + 16, left: '50%', transform: 'translateX(-50%)', px: 2, py: 1, maxWidth: '90%' }}
    >
      <Typography variant="body2">
        Reading rows {(from + 1).toLocaleString()}–{(to + 1).toLocaleString()} of {rowCount.toLocaleString()} from CMS…
      </Typography>
      <Typography variant="caption" color="text.secondary">
        Only the pages in view are read, several at once; Find above gets to a space by what was dialled.
      </Typography>
    </Paper>
  );
}
