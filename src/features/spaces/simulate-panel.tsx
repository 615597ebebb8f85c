import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { callQueries } from '../../api/resources/calls';
import { SimulationRefused, simulationQueries } from '../../api/resources/mock-simulation';
import type { JoinAnswer } from '../../api/wire/simulation-contract';
import { spaceModelQueries } from '../../domain/profile-resolution/load-space-model';
import type { DialPlan } from '../../domain/space-evaluation/dial-plan';
import { evaluateSpace } from '../../domain/space-evaluation/evaluate';
import { DialForm } from './dial-form';
import { SignInForm } from './sign-in-form';
import { CallBridgeLog, SimulatedParticipants } from './simulated-participants';

const POLL_MS = 1000;

interface Joined {
  answer: JoinAnswer;
  plan: DialPlan | undefined;
}

/**
 * Demo with the mock CMS: a simulated participant dials in or signs in as a member; the space's
 * evaluation predicts the way in, role and PIN prompt, and the mock Call Bridge's answer shows who
 * waits in the lobby and who is in the conference, live.
 */
export function SimulatePanel({ spaceId }: { spaceId: string }) {
  const queryClient = useQueryClient();
  const simulation = useQuery({ ...simulationQueries.space(spaceId), refetchInterval: POLL_MS });
  const model = useQuery(spaceModelQueries.detail(spaceId));
  const evaluation = model.data ? evaluateSpace(model.data) : undefined;
  const [mode, setMode] = useState<'dial' | 'signIn'>('dial');
  const [last, setLast] = useState<Joined>();

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: simulationQueries.space(spaceId).queryKey });
    void queryClient.invalidateQueries({ queryKey: callQueries.all() });
  };
  const onJoined = (answer: JoinAnswer, plan: DialPlan | undefined) => {
    setLast({ answer, plan });
    queryClient.setQueryData(simulationQueries.space(spaceId).queryKey, (old) => (old ? { ...old, call: answer.call } : old));
    refresh();
  };
  const legs = simulation.data?.call?.legs ?? [];
  const hostsInCall = legs.filter((leg) => leg.role === 'host').length;
  const forms = { evaluation, hostsInCall, onJoined };

  return (
    <Paper variant="outlined" component="section" aria-labelledby={`simulate-${spaceId}`} sx={{ p: 2 }}>
      <Stack spacing={2}>
        <Box>
          <Typography variant="h6" component="h2" id={`simulate-${spaceId}`}>
            Simulate a dial-in
          </Typography>
          <Typography variant="body2" color="text.secondary">
            The mock CMS joins the participant the way a Call Bridge would: guests wait in the lobby until a host is in the call.
          </Typography>
        </Box>
        <ToggleButtonGroup
          exclusive
          size="small"
          value={mode}
          onChange={(_, next: 'dial' | 'signIn' | null) => next && setMode(next)}
          aria-label="How the participant joins"
        >
          <ToggleButton value="dial">Dial in</ToggleButton>
          <ToggleButton value="signIn">Member signs in</ToggleButton>
        </ToggleButtonGroup>
        {mode === 'dial' ? <DialForm {...forms} /> : <SignInForm spaceId={spaceId} {...forms} />}
        {last && <JoinedAlert joined={last} />}
        {simulation.isError && (
          <Alert severity="error">
            {simulation.error instanceof SimulationRefused ? simulation.error.message : `The simulation is not available: ${simulation.error.message}`}
          </Alert>
        )}
        <SimulatedParticipants legs={legs} loaded={simulation.isSuccess} onHungUp={refresh} />
        <CallBridgeLog log={simulation.data?.log ?? []} />
      </Stack>
    </Paper>
  );
}

/** The Call Bridge's answer beside the prediction: way in and role. */
function JoinedAlert({ joined: { answer, plan } }: { joined: Joined }) {
  const { leg } = answer;
  const predicted = plan?.outcome === 'joins' ? plan : undefined;
  const sameWay =
    predicted !== undefined &&
    (predicted.path.kind === 'accessMethod'
      ? leg.accessMethod !== undefined && predicted.path.key === `accessMethod:${leg.accessMethod}`
      : predicted.path.kind === 'member'
        ? leg.coSpaceUser !== undefined && predicted.path.key === `member:${leg.coSpaceUser}`
        : leg.via === 'space');
  const agrees = predicted !== undefined && sameWay && predicted.role === leg.role;
  return (
    <Alert severity={leg.state === 'lobby' ? 'warning' : 'success'} data-testid="joined">
      <strong>{leg.name}</strong> joined as {leg.role === 'host' ? 'a host' : 'a guest'} ({leg.path}): {leg.state === 'lobby' ? 'waiting in the lobby.' : 'in the conference.'}
      {predicted && (
        <Typography variant="body2" sx={{ mt: 0.5 }}>
          {predicted.entry}
        </Typography>
      )}
      <Typography variant="body2" sx={{ mt: 0.5 }} data-agrees={agrees}>
        {agrees
          ? `As predicted: ${predicted.path.label}, ${predicted.role}.`
          : predicted
            ? `Not as predicted: we expected ${predicted.path.label} as a ${predicted.role}.`
            : 'No prediction was made for this join.'}
      </Typography>
    </Alert>
  );
}
