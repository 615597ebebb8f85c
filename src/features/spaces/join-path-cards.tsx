import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { CopyButton } from '../../components/copy-button';
import { ivrBehaviour, lobbyBehaviour } from '../../domain/profile-resolution/join-paths';
import type { JoinPath, ResolvedCallProfile, SpaceModel } from '../../domain/profile-resolution/model';
import { formatCount } from '../../domain/profile-resolution/words';
import type { SpaceEvaluation } from '../../domain/space-evaluation/evaluate';
import { RoleChip, ScopeChip } from './scope-chip';
import { dialString } from './sip-domain';

const FIRST_CARDS = 9;
const MORE_CARDS = 24;
const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 13 } as const;

/** One card per way into the space: what to dial, which PIN, host or guest, and what happens next. */
export function JoinPathCards({ evaluation, domain }: { evaluation: SpaceEvaluation; domain: string }) {
  const [shown, setShown] = useState(FIRST_CARDS);
  const { model, paths } = evaluation;
  const callProfile = evaluation.callProfile.resolved;
  if (paths.length === 0) return <Typography color="text.secondary">No way in: the space has no URI, call ID, access method or member.</Typography>;
  return (
    <Stack spacing={1}>
      <Grid container spacing={2}>
        {paths.slice(0, shown).map((path) => (
          <Grid key={path.key} size={{ xs: 12, md: 6, xl: 4 }}>
            <JoinPathCard model={model} path={path} domain={domain} callProfile={callProfile} spaceLayout={evaluation.defaultLayout} />
          </Grid>
        ))}
      </Grid>
      {paths.length > shown && (
        <Box>
          <Button onClick={() => setShown(shown + MORE_CARDS)} sx={{ textTransform: 'none' }}>
            Show {formatCount(Math.min(MORE_CARDS, paths.length - shown))} more ways in ({formatCount(paths.length - shown)} not shown)
          </Button>
        </Box>
      )}
    </Stack>
  );
}

/* Plain markup styled once per card: a card is a dozen lines, and a 5,000-member space shows many. */
const cardSx = {
  height: '100%',
  p: 2,
  '& h3': { m: 0, fontSize: '1rem', fontWeight: 600, overflowWrap: 'anywhere' },
  '& .card-head': { display: 'flex', gap: 1, alignItems: 'center', justifyContent: 'space-between', mb: 1 },
  '& dl': { display: 'grid', gridTemplateColumns: '92px 1fr', columnGap: 1, rowGap: 0.75, m: 0, alignItems: 'baseline' },
  '& dt': { typography: 'caption', color: 'text.secondary' },
  '& dd': { typography: 'body2', m: 0, minWidth: 0, overflowWrap: 'anywhere' },
  '& .mono': mono,
  '& .muted': { color: 'text.secondary' },
  '& .dial': { display: 'flex', alignItems: 'center' },
  '& .role': { display: 'flex', gap: 0.5, alignItems: 'center', flexWrap: 'wrap' },
} as const;

function JoinPathCard({
  model,
  path,
  domain,
  callProfile,
  spaceLayout,
}: {
  model: SpaceModel;
  path: JoinPath;
  domain: string;
  callProfile: ResolvedCallProfile;
  spaceLayout: string | undefined;
}) {
  const lobby = lobbyBehaviour(path);
  const ivr = ivrBehaviour(model, path, callProfile);
  const needsActivation = path.resolved.needsActivation;
  const layout = path.resolved.defaultLayout;
  const pin =
    path.kind === 'member'
      ? 'none: signs in to the web app'
      : path.passcode
        ? path.passcode
        : ivr.matters
          ? 'no PIN: press # at the PIN prompt'
          : 'no PIN';
  const dial = path.uri ? dialString(path.uri, domain) : undefined;
  return (
    <Card variant="outlined" sx={cardSx} component="article" aria-label={path.label} data-path={path.key}>
      <div className="card-head">
        <h3>{path.label}</h3>
        <RoleChip role={path.role} />
      </div>
      <dl>
        {path.kind === 'member' ? (
          <>
            <dt>How to join</dt>
            <dd>Signs in to the web app as a member and opens the space.</dd>
          </>
        ) : (
          <>
            {dial && (
              <>
                <dt>Dial</dt>
                <dd className="dial">
                  <span className="mono">{dial}</span>
                  <CopyButton text={dial} label={`Copy ${dial}`} />
                </dd>
              </>
            )}
            {path.callId && (
              <>
                <dt>Call ID</dt>
                <dd className="mono">{path.callId}</dd>
              </>
            )}
          </>
        )}
        <dt>PIN</dt>
        <dd className={path.passcode ? 'mono' : undefined}>{pin}</dd>
        <dt>Role</dt>
        <dd className="role">
          <span>
            needsActivation <strong>{String(needsActivation.value ?? false)}</strong> from
          </span>
          <ScopeChip scope={needsActivation.scope} {...(needsActivation.profileId ? { profileId: needsActivation.profileId } : {})} />
        </dd>
        <dt>Lobby</dt>
        <dd>{lobby.description}</dd>
        <dt>Layout</dt>
        <dd>
          {layout.value === undefined ? 'no callLegProfile sets defaultLayout' : <>defaultLayout <strong>{String(layout.value)}</strong> from</>}{' '}
          {layout.value !== undefined && <ScopeChip scope={layout.scope} {...(layout.profileId ? { profileId: layout.profileId } : {})} />}
          {spaceLayout !== undefined && <span className="muted"> · the space's own defaultLayout: {spaceLayout}</span>}
        </dd>
        {path.kind !== 'member' && (
          <>
            <dt>IVR</dt>
            <dd className={ivr.matters ? undefined : 'muted'}>{ivr.description}</dd>
          </>
        )}
      </dl>
    </Card>
  );
}
