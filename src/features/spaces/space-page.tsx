import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Breadcrumbs from '@mui/material/Breadcrumbs';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink, Outlet, useLocation, useParams } from 'react-router';
import { isCmsError } from '../../api/transport/errors';
import { spaceQueries } from '../../api/resources/spaces';
import { CopyButton } from '../../components/copy-button';
import { spaceLink } from '../../lib/wizard-links';

export const SPACE_TABS = [
  { id: 'overview', label: 'Overview' },
  { id: 'profiles', label: 'Profiles' },
  { id: 'troubleshoot', label: 'Troubleshoot' },
  { id: 'live', label: 'Live' },
] as const;
export type SpaceTab = (typeof SPACE_TABS)[number]['id'];

export function currentTab(pathname: string): SpaceTab {
  const last = pathname.replace(/\/+$/, '').split('/').pop();
  return SPACE_TABS.find((tab) => tab.id === last && tab.id !== 'overview')?.id ?? 'overview';
}

/** The space id of the route; the child routes are rendered only under `/spaces/:spaceId`. */
export function useSpaceId(): string {
  return useParams().spaceId ?? '';
}

/** One space: a header with its name and deep link, tabs as nested routes. */
export function SpacePage() {
  const spaceId = useSpaceId();
  const { pathname } = useLocation();
  const tab = currentTab(pathname);
  const space = useQuery(spaceQueries.detail(spaceId));

  if (space.isError && isCmsError(space.error) && space.error.kind === 'notFound') return <SpaceNotFound spaceId={spaceId} />;

  const deepLink = `${window.location.origin}${spaceLink(spaceId, tab)}`;
  const data = space.data;
  return (
    <Stack spacing={2}>
      <Breadcrumbs aria-label="Breadcrumb">
        <Link component={RouterLink} to="/spaces" underline="hover" color="inherit">
          Spaces
        </Link>
        <Typography color="text.primary">{data?.name ?? spaceId}</Typography>
      </Breadcrumbs>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <Typography variant="h4" component="h1">
          {data ? (data.name ?? <em>(no name)</em>) : space.isPending ? <Skeleton width={240} /> : spaceId}
        </Typography>
        {data?.uri && <Chip label={`URI ${data.uri}`} variant="outlined" size="small" />}
        {data?.callId && <Chip label={`Call ID ${data.callId}`} variant="outlined" size="small" />}
        <Box sx={{ flexGrow: 1 }} />
        <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
          <Typography
            variant="body2"
            component="code"
            sx={{ fontFamily: 'monospace', color: 'text.secondary', maxWidth: 420, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
            title={deepLink}
          >
            {deepLink}
          </Typography>
          <CopyButton text={deepLink} label="Copy link to this page" />
        </Stack>
      </Stack>
      {space.isError && !(isCmsError(space.error) && space.error.kind === 'notFound') && <Alert severity="error">{space.error.message}</Alert>}
      <Tabs value={tab} aria-label="Space views" sx={{ borderBottom: 1, borderColor: 'divider' }}>
        {SPACE_TABS.map((t) => (
          <Tab key={t.id} value={t.id} label={t.label} component={RouterLink} to={spaceLink(spaceId, t.id)} />
        ))}
      </Tabs>
      <Box role="tabpanel" aria-label={SPACE_TABS.find((t) => t.id === tab)?.label}>
        <Outlet />
      </Box>
    </Stack>
  );
}

export function SpaceNotFound({ spaceId }: { spaceId: string }) {
  return (
    <Stack spacing={2} sx={{ alignItems: 'flex-start', maxWidth: 720 }}>
      <Typography variant="h4" component="h1">
        This space does not exist on this CMS
      </Typography>
      <Typography>
        CMS answered <code>coSpaceDoesNotExist</code> for the id <code>{spaceId}</code>. It may have been deleted, or the link may come
        from another CMS cluster.
      </Typography>
      <Typography color="text.secondary">Look it up by name, URI or call ID in the spaces list instead.</Typography>
      <Button component={RouterLink} to="/spaces" variant="contained" startIcon={<ArrowBackIcon />}>
        Back to the spaces
      </Button>
    </Stack>
  );
}
