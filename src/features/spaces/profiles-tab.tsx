import Alert from '@mui/material/Alert';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { findings as findingsOf } from '../../domain/profile-resolution/findings';
import { joinPaths } from '../../domain/profile-resolution/join-paths';
import { spaceModelQueries } from '../../domain/profile-resolution/load-space-model';
import type { SpaceModel } from '../../domain/profile-resolution/model';
import { summarize } from '../../domain/profile-resolution/summary';
import { FindingsList } from './findings-list';
import { JoinPathCards } from './join-path-cards';
import { ResolutionMatrix } from './resolution-matrix';
import { useSipDomain } from './sip-domain';
import { useSpaceId } from './space-page';

export function ProfilesTab() {
  const spaceId = useSpaceId();
  const model = useQuery(spaceModelQueries.detail(spaceId));
  if (model.isPending) return <LinearProgress aria-label="Loading the space, its access methods, members and profiles" />;
  if (model.isError) return <Alert severity="error">{model.error.message}</Alert>;
  return <ProfilesView model={model.data} />;
}

/** The viewer: who is host or guest on every way in, what is wrong, and which level set each parameter. */
export function ProfilesView({ model }: { model: SpaceModel }) {
  const paths = useMemo(() => joinPaths(model), [model]);
  const summary = useMemo(() => summarize(model, paths), [model, paths]);
  const found = useMemo(() => findingsOf(model, paths), [model, paths]);
  const [domain, setDomain] = useSipDomain();

  return (
    <Stack spacing={3}>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Typography variant="overline" component="h2" color="text.secondary">
          Summary
        </Typography>
        <Typography variant="h6" component="p" data-testid="space-summary">
          {summary}
        </Typography>
      </Paper>

      <Stack spacing={1} component="section" aria-labelledby="findings-heading">
        <Typography variant="h6" component="h2" id="findings-heading">
          Findings ({found.length})
        </Typography>
        <FindingsList findings={found} paths={paths} spaceId={model.space.id} />
      </Stack>

      <Stack spacing={1} component="section" aria-labelledby="ways-heading">
        <Stack direction="row" sx={{ alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
          <Typography variant="h6" component="h2" id="ways-heading" sx={{ flexGrow: 1 }}>
            Ways in ({paths.length})
          </Typography>
          <TextField
            size="small"
            label="SIP domain"
            helperText="Shown after URIs; not sent to CMS"
            value={domain}
            onChange={(e) => setDomain(e.target.value)}
          />
        </Stack>
        <JoinPathCards model={model} paths={paths} domain={domain} />
      </Stack>

      <Stack spacing={1} component="section" aria-labelledby="matrix-heading">
        <Typography variant="h6" component="h2" id="matrix-heading">
          Which level sets each callLegProfile parameter
        </Typography>
        <ResolutionMatrix model={model} paths={paths} />
      </Stack>
    </Stack>
  );
}
