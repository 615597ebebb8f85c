import Alert from '@mui/material/Alert';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { callQueries } from '../../api/resources/calls';
import type { CallLegProfileTrace } from '../../api/params/schemas';

type Level = CallLegProfileTrace['levels'][number];

/** Per parameter, the most specific level that sets it: what CMS applies to the leg. */
export function inForce(levels: readonly Level[]): Array<{ param: string; value: string; scope: string }> {
  const out = new Map<string, { value: string; scope: string }>();
  for (const level of levels) {
    for (const [param, value] of Object.entries(level.settings)) {
      if (value !== undefined && typeof value !== 'object') out.set(param, { value: String(value), scope: level.scope });
    }
  }
  return [...out].map(([param, v]) => ({ param, ...v })).sort((a, b) => a.param.localeCompare(b.param));
}

const settingsOf = (level: Level) => Object.entries(level.settings).filter(([, v]) => v !== undefined && typeof v !== 'object');

/** CMS's own account (`/callLegs/<id>/callLegProfileTrace`) of which level set each parameter of a live leg. */
export function LegTrace({ legId }: { legId: string }) {
  const trace = useQuery(callQueries.callLegProfileTrace(legId));
  if (trace.isPending) return <Typography variant="body2">Reading the profile trace…</Typography>;
  if (trace.isError) return <Alert severity="error">CMS did not give the profile trace: {trace.error.message}</Alert>;
  const { levels } = trace.data;
  const effective = inForce(levels);
  return (
    <Stack spacing={1} sx={{ py: 1 }}>
      <Table size="small" aria-label={`Profile trace of leg ${legId}`}>
        <TableHead>
          <TableRow>
            <TableCell>Scope</TableCell>
            <TableCell>Profile</TableCell>
            <TableCell>Values it sets</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {levels.map((level, i) => (
            <TableRow key={i}>
              <TableCell>{level.scope}</TableCell>
              <TableCell sx={{ fontFamily: 'monospace', fontSize: 12 }}>{level.profileId ?? '(own values)'}</TableCell>
              <TableCell>
                {settingsOf(level).length === 0 ? (
                  <em>none</em>
                ) : (
                  <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
                    {settingsOf(level).map(([k, v]) => (
                      <Chip key={k} size="small" variant="outlined" label={`${k}=${String(v)}`} />
                    ))}
                  </Stack>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Typography variant="body2">
        In force:{' '}
        {effective.length === 0
          ? 'nothing is set at any level, so the CMS defaults apply.'
          : effective.map((e) => `${e.param}=${e.value} (${e.scope})`).join(', ')}
      </Typography>
    </Stack>
  );
}
