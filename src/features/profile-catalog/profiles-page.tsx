import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { callLegProfileQueries } from '../../api/resources/call-leg-profiles';
import { callProfileQueries } from '../../api/resources/call-profiles';
import type { CallLegProfile, CallLegProfileUsage } from '../../api/params/schemas';
import { systemQueries } from '../../api/resources/system';
import { RESOLUTION_RULE } from '../../domain/profile-resolution/resolve';
import { formatCount } from '../../domain/profile-resolution/words';
import { inheritedLabel, profileRoleQueries } from '../../domain/space-evaluation/profile-roles';

const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 12 } as const;
const none = <Typography component="span" variant="body2" color="text.secondary">—</Typography>;

/** The guest/host meaning of a callLegProfile that sets needsActivation, as an admin reads it. */
export function activationLabel(needsActivation: boolean): string {
  return needsActivation ? 'Guest (waits for a host)' : 'Host (activator)';
}

const plural = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;

/** Where a callLegProfile is attached, from its usage: "system, tenant ×1, 2 spaces", or "unused". */
export function usageSummary(usage: CallLegProfileUsage): string {
  const count = (scope: CallLegProfileUsage['uses'][number]['scope']) => usage.uses.filter((u) => u.scope === scope).length;
  const parts: string[] = [];
  if (count('global') > 0) parts.push('system');
  if (count('tenant') > 0) parts.push(`tenant ×${formatCount(count('tenant'))}`);
  if (count('coSpace') > 0) parts.push(plural(count('coSpace'), 'space', 'spaces'));
  if (count('accessMethod') > 0) parts.push(plural(count('accessMethod'), 'access method', 'access methods'));
  if (count('coSpaceUser') > 0) parts.push(plural(count('coSpaceUser'), 'member', 'members'));
  return parts.length === 0 ? 'unused' : parts.join(', ');
}

export function ProfilesPage() {
  const [inUseOnly, setInUseOnly] = useState(false);
  const system = useQuery(systemQueries.profiles());
  return (
    <>
      <Typography variant="h4" component="h1" gutterBottom>
        Profiles
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        The callLegProfiles and callProfiles of the CMS, and where each is attached. A callLegProfile with needsActivation=true
        makes its callers guests who wait for a host. {RESOLUTION_RULE} So the system default's parameters apply wherever no
        more specific level sets that parameter, and a profile that leaves needsActivation unset makes its callers whatever the
        levels above make them.
      </Typography>
      <FormControlLabel
        sx={{ mb: 2 }}
        control={<Switch checked={inUseOnly} onChange={(event) => setInUseOnly(event.target.checked)} />}
        label="Only profiles in use"
      />
      {system.isError && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          The system default profiles could not be read: {system.error.message}
        </Alert>
      )}
      <Stack spacing={3}>
        <CallLegProfiles inUseOnly={inUseOnly} systemDefault={system.data?.callLegProfile} />
        <CallProfiles inUseOnly={inUseOnly} systemDefault={system.data?.callProfile} />
      </Stack>
    </>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = `section-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <Paper variant="outlined" component="section" aria-labelledby={id} sx={{ p: 2 }}>
      <Typography variant="h6" component="h2" id={id} sx={{ mb: 1 }}>
        {title}
      </Typography>
      {children}
    </Paper>
  );
}

/** Collection items always carry their id attribute; the read schema keeps it optional. */
const withId = <T extends { id?: string }>(items: T[]) => items.filter((item): item is T & { id: string } => item.id !== undefined);

const sameId = (a: string | undefined, b: string) => a !== undefined && a.toLowerCase() === b.toLowerCase();

function ProfileId({ id, systemDefault }: { id: string; systemDefault: boolean }) {
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} component="span">
      <Box component="span" sx={mono}>
        {id}
      </Box>
      {systemDefault && <Chip size="small" color="primary" label="System default" />}
    </Stack>
  );
}

function Head({ columns }: { columns: string[] }) {
  return (
    <TableHead>
      <TableRow>
        {columns.map((h) => (
          <TableCell key={h}>{h}</TableCell>
        ))}
      </TableRow>
    </TableHead>
  );
}

function CallLegProfiles({ inUseOnly, systemDefault }: { inUseOnly: boolean; systemDefault: string | undefined }) {
  const list = useQuery(callLegProfileQueries.listAll(inUseOnly ? { usageFilter: 'referenced' } : {}));
  const title = list.data ? `callLegProfiles (${formatCount(list.data.items.length)})` : 'callLegProfiles';
  return (
    <Section title={title}>
      {list.isPending ? (
        <LinearProgress aria-label="Loading the callLegProfiles" />
      ) : list.isError ? (
        <Alert severity="error">{list.error.message}</Alert>
      ) : list.data.items.length === 0 ? (
        <Typography color="text.secondary">{inUseOnly ? 'No callLegProfile is in use.' : 'No callLegProfiles.'}</Typography>
      ) : (
        <TableContainer>
          <Table size="small" aria-label="callLegProfiles">
            <Head columns={['Id', 'Name', 'needsActivation', 'deactivationMode', 'defaultLayout', 'Used by']} />
            <TableBody>
              {withId(list.data.items).map((profile) => (
                <CallLegProfileRow key={profile.id} profile={profile} systemDefault={sameId(systemDefault, profile.id)} />
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </Section>
  );
}

function CallLegProfileRow({ profile, systemDefault }: { profile: CallLegProfile & { id: string }; systemDefault: boolean }) {
  return (
    <TableRow>
      <TableCell>
        <ProfileId id={profile.id} systemDefault={systemDefault} />
      </TableCell>
      <TableCell>{profile.name || none}</TableCell>
      <TableCell>
        {profile.needsActivation === undefined ? <InheritedRole id={profile.id} /> : activationLabel(profile.needsActivation)}
      </TableCell>
      <TableCell>{profile.deactivationMode ?? none}</TableCell>
      <TableCell>{profile.defaultLayout ?? none}</TableCell>
      <TableCell>
        <UsedBy id={profile.id} />
      </TableCell>
    </TableRow>
  );
}

/** What callers get where a profile that leaves needsActivation unset is used: the levels above decide. */
function InheritedRole({ id }: { id: string }) {
  const roles = useQuery(profileRoleQueries.inherited(id));
  if (roles.isPending) return <Skeleton width={120} aria-label="Resolving needsActivation where it is used" />;
  if (roles.isError) {
    return (
      <Typography component="span" variant="body2" color="error">
        Not set: {roles.error.message}
      </Typography>
    );
  }
  return (
    <Typography component="span" variant="body2" color="text.secondary" data-inherited={`${roles.data.guest}/${roles.data.host}`}>
      {inheritedLabel(roles.data)}
    </Typography>
  );
}

function UsedBy({ id }: { id: string }) {
  const usage = useQuery(callLegProfileQueries.usage(id));
  if (usage.isPending) return <Skeleton width={80} aria-label="Loading the usage" />;
  if (usage.isError) {
    return (
      <Typography component="span" variant="body2" color="error">
        {usage.error.message}
      </Typography>
    );
  }
  const summary = usageSummary(usage.data);
  return summary === 'unused' ? (
    <Typography component="span" variant="body2" color="text.secondary">
      unused
    </Typography>
  ) : (
    summary
  );
}

function CallProfiles({ inUseOnly, systemDefault }: { inUseOnly: boolean; systemDefault: string | undefined }) {
  const list = useQuery(callProfileQueries.listAll(inUseOnly ? { usageFilter: 'referenced' } : {}));
  const title = list.data ? `callProfiles (${formatCount(list.data.items.length)})` : 'callProfiles';
  return (
    <Section title={title}>
      {list.isPending ? (
        <LinearProgress aria-label="Loading the callProfiles" />
      ) : list.isError ? (
        <Alert severity="error">{list.error.message}</Alert>
      ) : list.data.items.length === 0 ? (
        <Typography color="text.secondary">{inUseOnly ? 'No callProfile is in use.' : 'No callProfiles.'}</Typography>
      ) : (
        <TableContainer>
          <Table size="small" aria-label="callProfiles">
            <Head columns={['Id', 'passcodeMode', 'passcodeTimeout', 'participantLimit']} />
            <TableBody>
              {withId(list.data.items).map((profile) => (
                <TableRow key={profile.id}>
                  <TableCell>
                    <ProfileId id={profile.id} systemDefault={sameId(systemDefault, profile.id)} />
                  </TableCell>
                  <TableCell>{profile.passcodeMode ?? none}</TableCell>
                  <TableCell>{profile.passcodeTimeout === undefined ? none : `${profile.passcodeTimeout} s`}</TableCell>
                  <TableCell>{profile.participantLimit ?? none}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </Section>
  );
}
