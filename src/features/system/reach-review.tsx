import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { formatCount } from '../../domain/profile-resolution/words';
import { fleetReach } from '../../domain/space-evaluation/fleet-reach';
import type { ChangeLevel } from '../../domain/space-evaluation/reach';
import { ReachSummary } from './reach-summary';
import { RESOLUTION_RULE } from '../../domain/profile-resolution/resolve';

export type ProfileField = 'callLegProfile' | 'callProfile';
export const PROFILE_FIELDS: readonly ProfileField[] = ['callLegProfile', 'callProfile'];
export type ProfileRefs = Record<ProfileField, string>;

export interface ReviewProps {
  level: ChangeLevel;
  /** "system wide", "on tenant Acme" */
  where: string;
  /** the PUT the change is: `PUT /api/v1/system/profiles` */
  request: string;
  changes: Partial<ProfileRefs>;
  current: ProfileRefs;
  labels: Record<ProfileField, (id: string) => string>;
  /** answers sentences about answers CMS lost and the reads that settled them, shown with "Saved" */
  save: (changes: Partial<ProfileRefs>) => Promise<readonly string[]>;
  onClose: () => void;
  onSaved: (message: string) => void;
  /** a failure CMS reported against a field goes to that field */
  onFailure: (error: unknown) => void;
}

function useReach(level: ChangeLevel, field: ProfileField, to: string | undefined) {
  const [progress, setProgress] = useState<{ done: number; of: number }>();
  const query = useQuery({
    queryKey: ['cms', 'reach', level, field, to],
    queryFn: ({ signal }) => fleetReach({ kind: field, level, to: to ?? '' }, { signal, onProgress: (done, of) => setProgress({ done, of }) }),
    enabled: to !== undefined,
    gcTime: 0,
  });
  return { query, progress };
}

/** The change, its reach per parameter counted before the write, and the write itself. */
export function ReachReview({ level, where, request, changes, current, labels, save, onClose, onSaved, onFailure }: ReviewProps) {
  const reaches = { callLegProfile: useReach(level, 'callLegProfile', changes.callLegProfile), callProfile: useReach(level, 'callProfile', changes.callProfile) };
  const apply = useMutation({
    mutationFn: () => save(changes),
    onSuccess: (notes) => {
      const fields = PROFILE_FIELDS.filter((f) => changes[f] !== undefined);
      onSaved([`Saved: ${fields.map((f) => `${f} is now ${labels[f](changes[f] ?? '')}`).join('; ')}.`, ...notes].join(' '));
    },
    onError: onFailure,
  });
  const fields = PROFILE_FIELDS.filter((f) => changes[f] !== undefined);
  const counting = fields.some((f) => reaches[f].query.isFetching);
  const body = new URLSearchParams(fields.map((f) => [f, changes[f] ?? ''])).toString();

  return (
    <Dialog open onClose={apply.isPending ? undefined : onClose} aria-labelledby="review-profiles-title" fullWidth maxWidth="md">
      <DialogTitle id="review-profiles-title">Review the profile change {where}</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <Typography variant="body2" color="text.secondary">
            {RESOLUTION_RULE}
          </Typography>
          {fields.map((field) => {
            const { query, progress } = reaches[field];
            return (
              <Stack key={field} spacing={1} aria-label={`Change of ${field}`}>
                <Typography>
                  <strong>{field}</strong>: {labels[field](current[field])} → {labels[field](changes[field] ?? '')}
                </Typography>
                {query.isFetching && (
                  <>
                    <Typography variant="body2">
                      Resolving every space before and after…{progress && progress.of > 0 ? ` ${formatCount(progress.done)} of ${formatCount(progress.of)} spaces read` : ''}
                    </Typography>
                    <LinearProgress
                      aria-label={`Counting what the ${field} change reaches`}
                      {...(progress && progress.of > 0 ? { variant: 'determinate' as const, value: (100 * progress.done) / progress.of } : {})}
                    />
                  </>
                )}
                {query.isError && <Alert severity="warning">Could not count what it reaches: {query.error.message}</Alert>}
                {query.data && <ReachSummary kind={field} reach={query.data} />}
              </Stack>
            );
          })}
          <Typography variant="body2">
            Request: <code>{request}</code> with <code>{body}</code> (only the changed field{fields.length > 1 ? 's' : ''}).
          </Typography>
          {apply.isError && <Alert severity="error">{apply.error instanceof Error ? apply.error.message : String(apply.error)}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={apply.isPending}>
          Cancel
        </Button>
        <Button variant="contained" onClick={() => apply.mutate()} loading={apply.isPending} disabled={counting}>
          Apply {where}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
