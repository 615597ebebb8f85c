import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useQueries, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { userCoSpaceQueries } from '../../api/resources/user-spaces';
import { spaceModelQueries } from '../../domain/profile-resolution/load-space-model';
import type { SpaceModel } from '../../domain/profile-resolution/model';
import { formatCount } from '../../domain/profile-resolution/words';
import { evaluateSpace } from '../../domain/space-evaluation/evaluate';
import { spaceLink } from '../../lib/wizard-links';
import { findQueries } from './find-queries';
import { answerMember } from './member-answer';
import { RoleChip } from './scope-chip';

/** Spaces evaluated at a time: each is a full read of the space (members, access methods, profiles). */
const BATCH = 10;

/**
 * Every space a user is a member of (`GET /users/<id>/usercoSpaces`), each evaluated for the role
 * the user joins with when signed in, and whether the user owns it.
 */
export function UserResults({ jid }: { jid: string }) {
  const user = useQuery(findQueries.user(jid));
  const userId = user.data?.id;
  const memberships = useQuery({ ...userCoSpaceQueries.listAll(userId ?? ''), enabled: userId !== undefined });
  const [shown, setShown] = useState(BATCH);
  const spaceIds = (memberships.data?.items ?? []).map((m) => m.coSpaceId);
  const models = useQueries({ queries: spaceIds.slice(0, shown).map((id) => spaceModelQueries.detail(id)) });

  if (user.isError || memberships.isError) {
    return <Alert severity="error">Could not read the user’s spaces: {(user.error ?? memberships.error)?.message}</Alert>;
  }
  if (user.isPending) return <Typography aria-live="polite">Looking for the user {jid}…</Typography>;
  if (!user.data || !userId) {
    return <Alert severity="info">No CMS user has the JID {jid} (users come from LDAP sync).</Alert>;
  }
  const total = memberships.data?.total ?? 0;
  return (
    <Stack spacing={1} role="group" aria-label={`Spaces of ${jid}`}>
      <Typography variant="subtitle1" component="h3">
        Spaces {user.data.userJid ?? jid} is a member of{memberships.data ? `: ${formatCount(total)}` : '…'}
      </Typography>
      {memberships.data && total === 0 && <Typography>Not a member of any space.</Typography>}
      {spaceIds.length > 0 && (
        <Table size="small" aria-label={`Member spaces of ${jid}`}>
          <TableHead>
            <TableRow>
              <TableCell>Space</TableCell>
              <TableCell>Role when signed in</TableCell>
              <TableCell>Way in</TableCell>
              <TableCell>Owner</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {spaceIds.slice(0, shown).map((id, i) => (
              <MemberRow key={id} spaceId={id} model={models[i]} jid={jid} userId={userId} />
            ))}
          </TableBody>
        </Table>
      )}
      {spaceIds.length > shown && (
        <Button onClick={() => setShown((n) => n + BATCH)} sx={{ alignSelf: 'flex-start' }}>
          Evaluate the next {Math.min(BATCH, spaceIds.length - shown)} of {formatCount(spaceIds.length - shown)}
        </Button>
      )}
      <Typography variant="body2" color="text.secondary">
        Owner: CMS lists no spaces by owner (coSpaces has no owner filter, and its list entries carry no ownerJid), so a space {jid} owns
        without being a member is only found by reading every space, as a fleet audit does. Spaces above marked owner are the ones {jid} owns
        among those they belong to.
      </Typography>
    </Stack>
  );
}

function MemberRow({
  spaceId,
  model,
  jid,
  userId,
}: {
  spaceId: string;
  model: UseQueryResult<SpaceModel> | undefined;
  jid: string;
  userId: string;
}) {
  if (!model?.data) {
    return (
      <TableRow>
        <TableCell>
          <Link component={RouterLink} to={spaceLink(spaceId)}>
            {spaceId}
          </Link>
        </TableCell>
        <TableCell colSpan={3}>{model?.isError ? `Could not read the space: ${model.error.message}` : 'Reading the space…'}</TableCell>
      </TableRow>
    );
  }
  const evaluation = evaluateSpace(model.data);
  const { plan, owner } = answerMember(evaluation, { jid, id: userId });
  return (
    <TableRow>
      <TableCell>
        <Link component={RouterLink} to={spaceLink(spaceId)}>
          {model.data.space.name ?? spaceId}
        </Link>
      </TableCell>
      <TableCell>{plan.outcome === 'joins' ? <RoleChip role={plan.role} /> : '—'}</TableCell>
      <TableCell>{plan.outcome === 'joins' ? `${plan.path.label}. ${plan.lobby}` : plan.reason}</TableCell>
      <TableCell>{owner ? 'owner' : ''}</TableCell>
    </TableRow>
  );
}
