import Alert from '@mui/material/Alert';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { spaceModelQueries } from '../../domain/profile-resolution/load-space-model';
import type { SpaceModel } from '../../domain/profile-resolution/model';
import { evaluateSpace, type SpaceEvaluation } from '../../domain/space-evaluation/evaluate';
import { FindingsList } from './findings-list';
import { JoinPathCards } from './join-path-cards';
import { ResolutionMatrix } from './resolution-matrix';
import { SCOPE_LABELS } from './scope-labels';
import { useSipDomain } from './sip-domain';
import { useSpaceId } from './space-page';
import { VerdictBanner } from './verdict-banner';
import { formatCount } from '../../domain/profile-resolution/words';

export function ProfilesTab() {
  const spaceId = useSpaceId();
  const model = useQuery(spaceModelQueries.detail(spaceId));
  if (model.isPending) return <LinearProgress aria-label="Loading the space, its access methods, members and profiles" />;
  if (model.isError) return <Alert severity="error">{model.error.message}</Alert>;
  return <ProfilesView model={model.data} />;
}

const short = (id: string | undefined) => (id ? ` (${id.slice(0, 8)}…)` : '');

/** passcodeMode and passcodeTimeout in force, with the level each comes from. */
export function callProfileLine({ callProfile }: SpaceEvaluation): string {
  const { passcodeMode, passcodeTimeout } = callProfile.resolved;
  if (passcodeMode.value === undefined) return 'passcodeMode: set at no level (CMS documents no default; we assume required).';
  const mode = `passcodeMode ${passcodeMode.value}, from ${SCOPE_LABELS[passcodeMode.scope]}${short(passcodeMode.profileId)}`;
  const timeout =
    passcodeTimeout.value === undefined
      ? 'passcodeTimeout set at no level'
      : `passcodeTimeout ${passcodeTimeout.value} s, from ${SCOPE_LABELS[passcodeTimeout.scope]}${short(passcodeTimeout.profileId)}`;
  const matters = callProfile.matters.length === 0 ? ' It changes nothing here: no blank PIN shares a URI or call ID with a set PIN.' : '';
  return `${mode}; ${timeout}.${matters}`;
}

/** The space's own defaultLayout beside the defaultLayouts its callLegProfiles put in force. */
export function layoutLine({ defaultLayout, paths }: SpaceEvaluation): string {
  const inForce = [...new Set(paths.map((p) => (p.resolved.defaultLayout.value === undefined ? undefined : String(p.resolved.defaultLayout.value))))].filter(
    (v): v is string => v !== undefined,
  );
  const profiles = inForce.length === 0 ? 'no callLegProfile sets defaultLayout' : `callLegProfiles give defaultLayout ${inForce.join(', ')} on its ways in`;
  return `Layout: the space's own defaultLayout is ${defaultLayout ?? 'not set'}; ${profiles}.`;
}

/** The viewer: the verdict, who is host or guest on every way in, what is wrong, and which level set each parameter. */
export function ProfilesView({ model }: { model: SpaceModel }) {
  const evaluation = evaluateSpace(model);
  const { paths, findings, summary, verdict } = evaluation;
  const [domain, setDomain] = useSipDomain();

  return (
    <Stack spacing={3}>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Stack spacing={1}>
          <Typography variant="overline" component="h2" color="text.secondary">
            Summary
          </Typography>
          <Typography variant="h6" component="p" data-testid="space-summary">
            {summary}
          </Typography>
          <VerdictBanner verdict={verdict} />
          <Typography variant="body2" data-testid="call-profile-line">
            {callProfileLine(evaluation)}
          </Typography>
          <Typography variant="body2" data-testid="layout-line">
            {layoutLine(evaluation)}
          </Typography>
        </Stack>
      </Paper>

      <Stack spacing={1} component="section" aria-labelledby="findings-heading">
        <Typography variant="h6" component="h2" id="findings-heading">
          Findings ({formatCount(findings.length)})
        </Typography>
        <FindingsList findings={findings} paths={paths} spaceId={model.space.id} />
      </Stack>

      <Stack spacing={1} component="section" aria-labelledby="ways-heading">
        <Stack direction="row" sx={{ alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
          <Typography variant="h6" component="h2" id="ways-heading" sx={{ flexGrow: 1 }}>
            Ways in ({formatCount(paths.length)})
          </Typography>
          <TextField
            size="small"
            label="SIP domain"
            helperText="Shown after URIs; not sent to CMS"
            value={domain}
            onChange={(e) => setDomain(e.target.value)}
          />
        </Stack>
        <JoinPathCards evaluation={evaluation} domain={domain} />
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
