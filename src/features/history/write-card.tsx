import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { FieldValues, JournalWrite } from '../../api/wire/journal-contract';
import { formatTime, writeResult } from './labels';

const unset = (
  <Typography component="span" variant="body2" color="text.secondary">
    <em>unset</em>
  </Typography>
);

function show(value: string | null | undefined) {
  if (value === null || value === undefined) return unset;
  return value === '' ? <em>(empty)</em> : value;
}

/** Before → after for exactly the fields the write touched; a missing side means the object did not exist then. */
function BeforeAfter({ before, after }: { before: FieldValues | null; after: FieldValues | null }) {
  const names = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].sort();
  if (names.length === 0) return null;
  return (
    <Table size="small" aria-label="Values before and after">
      <TableHead>
        <TableRow>
          <TableCell>Field</TableCell>
          <TableCell>Before</TableCell>
          <TableCell>After</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {names.map((name) => (
          <TableRow key={name}>
            <TableCell sx={{ fontFamily: 'monospace' }}>{name}</TableCell>
            <TableCell>{before === null ? <em>(did not exist)</em> : show(before[name])}</TableCell>
            <TableCell>{after === null ? <em>(deleted)</em> : show(after[name])}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** One request as sent, CMS's answer, and for a lost answer the read that settled it. */
export function WriteCard({ write }: { write: JournalWrite }) {
  const result = writeResult(write);
  const form = new URLSearchParams(write.form).toString();
  return (
    <Paper variant="outlined" component="section" aria-label={`Write ${write.seq}`} sx={{ p: 2 }}>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
        <Typography variant="subtitle2" component="span">
          #{write.seq}
        </Typography>
        {write.phase === 'rollback' && <Chip size="small" label="rollback" />}
        <Typography sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>
          {write.method} {write.path}
        </Typography>
        <Chip size="small" color={result.color} label={result.label} />
      </Box>
      <Typography variant="body2" color="text.secondary">
        {write.operation.kind}
        {write.objectKind ? ` · ${write.objectKind}` : ''}
        {write.objectId ? ` ${write.objectId}` : ''} · sent {formatTime(write.sentAt)}
        {write.answeredAt ? ` · answered ${formatTime(write.answeredAt)}` : ''}
        {write.durationMs !== undefined ? ` (${Math.round(write.durationMs)} ms)` : ''}
      </Typography>
      {form && (
        <Typography component="pre" aria-label="Form as sent" sx={{ fontFamily: 'monospace', fontSize: 13, whiteSpace: 'pre-wrap', wordBreak: 'break-all', my: 1 }}>
          {form}
        </Typography>
      )}
      {write.failures.length > 0 && (
        <Typography variant="body2" color="error">
          CMS failure: {write.failures.map((f) => (f.parameter ? `${f.code} (${f.parameter}${f.error ? `: ${f.error}` : ''})` : f.code)).join(', ')}
        </Typography>
      )}
      {write.error && (
        <Typography variant="body2" color="error">
          {write.error}
        </Typography>
      )}
      {write.reconciliation && (
        <Typography variant="body2" sx={{ my: 1 }}>
          Reconciled {formatTime(write.reconciliation.at)} by GET {write.reconciliation.read.path} → {write.reconciliation.read.status}
          {write.reconciliation.read.summary ? `: ${write.reconciliation.read.summary}` : ''}
        </Typography>
      )}
      <BeforeAfter before={write.before} after={write.after} />
    </Paper>
  );
}
