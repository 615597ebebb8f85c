import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { isPlanned, reviewOf, type BatchFixPlan } from '../../domain/batch-fix/plan-batch';
import type { SpaceFix } from '../../domain/batch-fix/plan-space';
import { PATTERN_LABELS, WRITE_LABELS } from './fix-labels';

const STATUS = {
  ready: { label: 'ready', color: 'success' },
  fine: { label: 'fine already', color: 'default' },
  conflict: { label: 'conflict', color: 'warning' },
  unread: { label: 'not read', color: 'error' },
} as const;

function PinCell({ pin, shown }: { pin: string; shown: boolean }) {
  const [reveal, setReveal] = useState(false);
  if (pin === '') return <span>none</span>;
  const visible = shown || reveal;
  return (
    <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
      <Box component="span" sx={{ fontFamily: 'monospace' }} aria-label={visible ? `PIN ${pin}` : 'PIN hidden'}>
        {visible ? pin : '•'.repeat(pin.length)}
      </Box>
      {!shown && (
        <IconButton size="small" aria-label={reveal ? 'Hide PIN' : 'Show PIN'} onClick={() => setReveal((r) => !r)} sx={{ fontSize: 12 }}>
          {reveal ? 'hide' : 'show'}
        </IconButton>
      )}
    </Stack>
  );
}

function SpaceRow({ space, shown }: { space: BatchFixPlan['spaces'][number]; shown: boolean }) {
  const status = STATUS[space.status];
  if (!isPlanned(space)) {
    return (
      <TableRow>
        <TableCell>{space.spaceId}</TableCell>
        <TableCell>
          <Chip size="small" color={status.color} label={status.label} />
        </TableCell>
        <TableCell colSpan={4}>{space.reason}</TableCell>
      </TableRow>
    );
  }
  const fix: SpaceFix = space;
  return (
    <TableRow aria-label={`Space ${fix.name || fix.uri}`}>
      <TableCell>{fix.name || fix.uri}</TableCell>
      <TableCell>
        <Chip size="small" color={status.color} label={status.label} />
      </TableCell>
      <TableCell>{fix.host.uri}</TableCell>
      <TableCell>{fix.host.callId}</TableCell>
      <TableCell>{fix.status === 'ready' ? <PinCell pin={fix.host.pin} shown={shown} /> : '—'}</TableCell>
      <TableCell>
        {fix.status === 'conflict'
          ? fix.issues.map((issue) => (
              <Typography key={`${issue.field}:${issue.message}`} variant="body2" color="warning.main">
                {issue.message}
              </Typography>
            ))
          : fix.steps.map((s) => s.title).join('; ') || 'nothing to change'}
      </TableCell>
    </TableRow>
  );
}

/** What the batch would do, aggregated and per space, before anything is sent: only ready spaces are sent. */
export function FixReview({ plan, onBack, onApply }: { plan: BatchFixPlan; onBack: () => void; onApply: () => void }) {
  const [showPins, setShowPins] = useState(false);
  const review = reviewOf(plan);
  const writes = Object.entries(review.writes).map(([op, n]) => `${n} × ${WRITE_LABELS[op as keyof typeof WRITE_LABELS] ?? op}`);
  const digits = plan.pattern.host.pinDigits;
  return (
    <Stack spacing={1.5} aria-label="Fix review">
      <Typography role="status">
        {review.spaces} spaces: {review.ready} ready, {review.fine} fine already, {review.conflicts} with conflicts{review.unread > 0 ? `, ${review.unread} not read` : ''}.{' '}
        {review.totalWrites} writes{writes.length > 0 ? `: ${writes.join(', ')}` : ''}.
      </Typography>
      <Typography variant="body2">
        Pattern: {PATTERN_LABELS[plan.pattern.scenario].title}. Host PIN rule:{' '}
        {digits === 0 ? 'no host PIN' : `${digits} random digits per space, different from its guest PIN (more where the dial-in security profile asks)`}.
      </Typography>
      {plan.shared.steps.length > 0 ? (
        <Typography variant="body2">First, once for the whole batch: {plan.shared.steps.map((s) => s.title).join('; ')}.</Typography>
      ) : (
        <Typography variant="body2">The profiles exist already with exactly these settings: every space refers to them.</Typography>
      )}
      {review.conflicts > 0 && <Alert severity="warning">Spaces with conflicts are not sent: fix them one by one in the wizard, or change the rule and plan again.</Alert>}
      <FormControlLabel control={<Switch checked={showPins} onChange={(e) => setShowPins(e.target.checked)} />} label="Show host PINs" />
      <Box sx={{ maxHeight: 420, overflow: 'auto', border: 1, borderColor: 'divider', borderRadius: 1 }}>
        <Table size="small" stickyHeader aria-label="Spaces of the batch">
          <TableHead>
            <TableRow>
              {['Space', 'Status', 'Host URI', 'Host call ID', 'Host PIN', 'Writes or conflicts'].map((h) => (
                <TableCell key={h} sx={{ fontWeight: 600 }}>
                  {h}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {plan.spaces.map((space) => (
              <SpaceRow key={space.spaceId} space={space} shown={showPins} />
            ))}
          </TableBody>
        </Table>
      </Box>
      <Stack direction="row" spacing={1}>
        <Button onClick={onBack}>Back</Button>
        <Button variant="contained" disabled={review.ready === 0} onClick={onApply}>
          Apply to {review.ready} space{review.ready === 1 ? '' : 's'} ({review.totalWrites} writes)
        </Button>
      </Stack>
    </Stack>
  );
}
