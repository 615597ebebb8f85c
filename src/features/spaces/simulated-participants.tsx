import CallEndIcon from '@mui/icons-material/CallEnd';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useMutation } from '@tanstack/react-query';
import { simulateHangUp } from '../../api/resources/mock-simulation';
import type { SimulatedLeg, SimulationLogEntry } from '../../api/wire/simulation-contract';

const visuallyHidden = {
  border: 0,
  clip: 'rect(0 0 0 0)',
  height: '1px',
  margin: '-1px',
  overflow: 'hidden',
  padding: 0,
  position: 'absolute',
  whiteSpace: 'nowrap',
  width: '1px',
} as const;

/** Who is in the space's simulated call: role, lobby or conference, and a hang-up button each. */
export function SimulatedParticipants({ legs, loaded, onHungUp }: { legs: readonly SimulatedLeg[]; loaded: boolean; onHungUp: () => void }) {
  const hangUp = useMutation({ mutationFn: (legId: string) => simulateHangUp(legId), onSettled: onHungUp });
  return (
    <Box>
      <Typography variant="subtitle1" component="h3">
        Participants
      </Typography>
      {loaded && legs.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          Nobody is in this space’s call. Dial in to start one.
        </Typography>
      ) : (
        <Table size="small" aria-label="Simulated participants">
          <TableHead>
            <TableRow>
              <TableCell>Participant</TableCell>
              <TableCell>Way in</TableCell>
              <TableCell>Role</TableCell>
              <TableCell>State</TableCell>
              <TableCell align="right">
                <Box component="span" sx={visuallyHidden}>
                  Actions
                </Box>
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {legs.map((leg) => (
              <TableRow key={leg.id}>
                <TableCell>
                  <Typography variant="body2">{leg.name}</Typography>
                  {leg.remoteParty !== leg.name && (
                    <Typography variant="caption" color="text.secondary">
                      {leg.remoteParty}
                    </Typography>
                  )}
                </TableCell>
                <TableCell>{leg.path}</TableCell>
                <TableCell>
                  <Chip size="small" label={leg.role === 'host' ? 'Host' : 'Guest'} color={leg.role === 'host' ? 'primary' : 'default'} />
                </TableCell>
                <TableCell>
                  <LegState leg={leg} />
                </TableCell>
                <TableCell align="right">
                  <Tooltip title="Hang up">
                    <span>
                      <IconButton
                        aria-label={`Hang up ${leg.name}`}
                        size="small"
                        disabled={hangUp.isPending && hangUp.variables === leg.id}
                        onClick={() => hangUp.mutate(leg.id)}
                      >
                        <CallEndIcon fontSize="small" />
                      </IconButton>
                    </span>
                  </Tooltip>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {hangUp.isError && <Alert severity="error">{hangUp.error.message}</Alert>}
    </Box>
  );
}

function LegState({ leg }: { leg: SimulatedLeg }) {
  const chip =
    leg.state === 'lobby' ? (
      <Chip size="small" color="warning" variant="outlined" label="Lobby" />
    ) : (
      <Chip size="small" color="success" variant="outlined" label="In conference" />
    );
  if (!leg.pending) return chip;
  const when = new Date(leg.pending.at).toLocaleTimeString();
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      {chip}
      <Typography variant="caption" color="text.secondary">
        {leg.pending.action === 'disconnect' ? `Disconnected at ${when}` : `Back to the lobby at ${when}`} (deactivationModeTime)
      </Typography>
    </Stack>
  );
}

/** The last lines the Call Bridge would log for this space. */
export function CallBridgeLog({ log }: { log: readonly SimulationLogEntry[] }) {
  if (log.length === 0) return null;
  return (
    <Box>
      <Typography variant="subtitle1" component="h3">
        Call Bridge log
      </Typography>
      <Box
        component="ol"
        aria-label="Call Bridge log"
        sx={{ m: 0, p: 1, listStyle: 'none', fontFamily: 'monospace', fontSize: 12, maxHeight: 200, overflow: 'auto', bgcolor: 'action.hover', borderRadius: 1 }}
      >
        {log.slice(-30).map((entry, i) => (
          <li key={`${entry.at}-${i}`}>
            {entry.at.slice(11, 19)} {entry.message}
          </li>
        ))}
      </Box>
    </Box>
  );
}
