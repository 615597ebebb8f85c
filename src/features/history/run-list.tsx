import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import ListItemButton from '@mui/material/ListItemButton';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { Link as RouterLink } from 'react-router';
import type { JournalRun } from '../../api/wire/journal-contract';
import { formatTime, isAbandoned, originLabel, STATE_LABELS } from './labels';

export const RUN_ROW_HEIGHT = 64;
/** rows before the end of what was received at which the next page is asked for */
const PREFETCH_ROWS = 20;

type RunListProps = {
  /** runs matching the filter, loaded or not */
  rowCount: number;
  runs: readonly JournalRun[];
  onNeedMore: () => void;
  loadingMore: boolean;
  selectedId?: string;
  linkTo: (run: JournalRun) => string;
  height?: number | string;
};

function counts(run: JournalRun): string {
  const { total, applied, refused, unknown, pending } = run.writeCounts;
  if (total === 0) return 'no writes';
  const parts = [
    applied && `${applied} applied`,
    refused && `${refused} refused`,
    unknown && `${unknown} answer lost`,
    pending && `${pending} without answer`,
  ].filter(Boolean);
  return `${total} write${total === 1 ? '' : 's'}: ${parts.join(', ')}`;
}

function RunRow({ run, selected, to }: { run: JournalRun; selected: boolean; to: string }) {
  const state = STATE_LABELS[run.state];
  const abandoned = isAbandoned(run);
  const spaces = run.spaces.map((s) => s.label ?? s.id).join(', ');
  return (
    <ListItemButton component={RouterLink} to={to} selected={selected} sx={{ height: RUN_ROW_HEIGHT, display: 'block', py: 0.75, borderBottom: 1, borderColor: 'divider' }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, minWidth: 0 }}>
        <Typography noWrap sx={{ flexGrow: 1, fontWeight: 500 }}>
          {run.title}
        </Typography>
        <Chip size="small" color={abandoned ? 'warning' : state.color} label={abandoned ? 'Abandoned?' : state.label} title={abandoned ? 'Still running, but nothing was recorded for over 10 minutes: the tab probably closed mid-run.' : state.hint} />
      </Box>
      <Typography variant="body2" color="text.secondary" noWrap>
        {formatTime(run.startedAt)} · {originLabel(run)} · {run.cluster} · {run.cmsUser} · {counts(run)}
        {spaces ? ` · ${spaces}` : ''}
      </Typography>
    </ListItemButton>
  );
}

/** History's runs, newest first. Virtualized: only the rows in view are in the DOM, so 10,000 runs scroll like 10. */
export function RunList({ rowCount, runs, onNeedMore, loadingMore, selectedId, linkTo, height = 600 }: RunListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // No React Compiler in this build, so the virtualizer's unmemoizable functions are fine.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: rowCount, getScrollElement: () => scrollRef.current, estimateSize: () => RUN_ROW_HEIGHT, overscan: 6 });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? -1;

  useEffect(() => {
    if (!loadingMore && runs.length < rowCount && lastIndex >= runs.length - PREFETCH_ROWS) onNeedMore();
  }, [lastIndex, runs.length, rowCount, loadingMore, onNeedMore]);

  return (
    <Box ref={scrollRef} data-run-list sx={{ height, overflow: 'auto', border: 1, borderColor: 'divider', borderRadius: 1 }}>
      <Box role="list" aria-label="Runs, newest first" sx={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((item) => {
          const run = runs[item.index];
          return (
            <Box
              key={run?.id ?? `pending-${item.index}`}
              role="listitem"
              aria-posinset={item.index + 1}
              aria-setsize={rowCount}
              data-index={item.index}
              sx={{ position: 'absolute', top: 0, left: 0, width: '100%', height: RUN_ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
            >
              {run ? (
                <RunRow run={run} selected={run.id === selectedId} to={linkTo(run)} />
              ) : (
                <Box sx={{ px: 2, py: 1 }} aria-label={loadingMore ? 'Loading…' : 'Not loaded yet'}>
                  <Skeleton variant="text" width="60%" />
                  <Skeleton variant="text" width="85%" />
                </Box>
              )}
            </Box>
          );
        })}
      </Box>
    </Box>
  );
}
