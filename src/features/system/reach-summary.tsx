import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router';
import { formatCount, plural } from '../../domain/profile-resolution/words';
import type { FleetReach } from '../../domain/space-evaluation/fleet-reach';
import { spaceLink } from '../../lib/wizard-links';

const LISTED_ROLE_CHANGES = 12;

/** Before the write: how many spaces and ways in change, which paths change role (first), and which parameters. */
export function ReachSummary({ kind, reach }: { kind: 'callLegProfile' | 'callProfile'; reach: FleetReach }) {
  const changed = reach.spaces.length;
  return (
    <Stack spacing={1} data-testid={`reach-${kind}`} data-spaces={changed} data-paths={reach.pathsChanged}>
      <Typography sx={{ fontWeight: 'bold' }}>
        {kind === 'callLegProfile'
          ? `Changes ${formatCount(changed)} of ${plural(reach.scopeSpaces, 'space')}: ${plural(reach.pathsChanged, 'way')} in.`
          : `Changes ${formatCount(changed)} of ${plural(reach.scopeSpaces, 'space')}.`}
      </Typography>
      {kind === 'callLegProfile' && <RoleChanges reach={reach} />}
      {reach.params.length > 0 && (
        <Table size="small" aria-label={`${kind} parameters that change`}>
          <TableHead>
            <TableRow>
              <TableCell>Parameter that changes</TableCell>
              <TableCell align="right">Spaces</TableCell>
              {kind === 'callLegProfile' && <TableCell align="right">Ways in</TableCell>}
            </TableRow>
          </TableHead>
          <TableBody>
            {reach.params.map((p) => (
              <TableRow key={p.param} data-param={p.param}>
                <TableCell sx={{ fontFamily: 'monospace' }}>{p.param}</TableCell>
                <TableCell align="right">{formatCount(p.spaces)}</TableCell>
                {kind === 'callLegProfile' && <TableCell align="right">{formatCount(p.paths)}</TableCell>}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Typography variant="body2" color="text.secondary">
        {kind === 'callLegProfile'
          ? `Every way in was resolved before and after, parameter by parameter. ${plural(reach.scopeSpaces - reach.spacesRead, 'space')} set every changed parameter on their tenant or own profile and cannot change; the other ${plural(reach.spacesRead, 'space')} were read with their access methods and members. ${plural(reach.requests, 'request')} in all. A callLegProfile on an access method or member that leaves a parameter unset does not keep the change out.`
          : `CMS has no callProfile filter and its space lists leave callProfile out, so each space not covered by its tenant's callProfile was read (${plural(reach.spacesRead, 'space')}, ${plural(reach.requests, 'request')} in all). A callProfile applies to the whole call: it changes no guest or host role.`}
      </Typography>
    </Stack>
  );
}

function RoleChanges({ reach }: { reach: FleetReach }) {
  const roles = reach.roleChanges;
  if (roles.length === 0) {
    return (
      <Alert severity="success" variant="outlined" data-testid="role-changes" data-count={0}>
        No way in changes between guest and host.
      </Alert>
    );
  }
  const toHost = roles.filter((r) => r.to === 'host').length;
  return (
    <Alert severity="warning" data-testid="role-changes" data-count={roles.length}>
      <AlertTitle>
        {plural(roles.length, 'way')} in change role: {formatCount(roles.length - toHost)} host → guest, {formatCount(toHost)} guest → host
      </AlertTitle>
      <Stack component="ul" sx={{ m: 0, pl: 2 }}>
        {roles.slice(0, LISTED_ROLE_CHANGES).map((r) => (
          <li key={`${r.spaceId}:${r.key}`}>
            <Link component={RouterLink} to={spaceLink(r.spaceId, 'profiles')}>
              {r.spaceName}
            </Link>
            {` — ${r.label}: ${r.from} → ${r.to}`}
          </li>
        ))}
      </Stack>
      {roles.length > LISTED_ROLE_CHANGES && <Typography variant="body2">…and {formatCount(roles.length - LISTED_ROLE_CHANGES)} more.</Typography>}
    </Alert>
  );
}
