import Button from '@mui/material/Button';
import Tooltip from '@mui/material/Tooltip';
import { useMutation } from '@tanstack/react-query';
import { useCallback, useState, useSyncExternalStore } from 'react';
import { getScanSelection } from '../../api/resources/scans';
import { getSession, subscribeSession } from '../../api/transport/session';
import type { StudioConnection } from '../../api/transport/studio-connection';
import type { ScanResultFilter } from '../../api/wire/scan-contract';
import { clusterOf } from './cluster-plan';
import { FixDialog } from './fix-dialog';
import type { RowSelection } from './results-table';

/** The ticked rows of the results, kept while the filter changes. */
export function useRowSelection(): RowSelection & { clear: () => void } {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const onToggle = useCallback(
    (spaceId: string) =>
      setSelected((previous) => {
        const next = new Set(previous);
        if (next.has(spaceId)) next.delete(spaceId);
        else next.add(spaceId);
        return next;
      }),
    [],
  );
  return { selected, onToggle, clear: () => setSelected(new Set()) };
}

/**
 * "Fix selected" and "Fix all listed": the spaces of this tab's cluster only, because the batch
 * writes to the cluster the studio talks to now.
 */
export function FixActions({
  filter,
  total,
  connection,
  listedClusters,
  selection,
}: {
  filter: ScanResultFilter;
  total: number;
  connection: StudioConnection;
  listedClusters: readonly string[];
  selection: RowSelection & { clear: () => void };
}) {
  const session = useSyncExternalStore(subscribeSession, getSession, getSession);
  const cluster = clusterOf(connection, session.target);
  const [spaceIds, setSpaceIds] = useState<readonly string[] | undefined>(undefined);
  const elsewhere = listedClusters.some((c) => c !== cluster);
  const all = useMutation({
    mutationFn: async () => (await getScanSelection(filter)).spaces.filter((s) => s.cluster === cluster).map((s) => s.spaceId),
    onSuccess: (ids) => setSpaceIds(ids),
  });
  const why = elsewhere ? `Show only this cluster (${cluster}): a batch writes to the cluster the studio talks to now.` : '';
  return (
    <>
      <Tooltip title={why}>
        <span>
          <Button variant="contained" size="small" disabled={selection.selected.size === 0 || elsewhere} onClick={() => setSpaceIds([...selection.selected])}>
            Fix selected ({selection.selected.size})
          </Button>
        </span>
      </Tooltip>
      <Tooltip title={why}>
        <span>
          <Button size="small" disabled={total === 0 || elsewhere} loading={all.isPending} onClick={() => all.mutate()}>
            Fix all {total} listed
          </Button>
        </span>
      </Tooltip>
      {spaceIds && (
        <FixDialog
          spaceIds={spaceIds}
          onClose={() => {
            setSpaceIds(undefined);
            selection.clear();
          }}
        />
      )}
    </>
  );
}
