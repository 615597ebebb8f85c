import Alert from '@mui/material/Alert';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useQueries, useQuery } from '@tanstack/react-query';
import { spaceQueries } from '../../api/resources/spaces';
import { userCoSpaceQueries } from '../../api/resources/user-spaces';
import { listAllUsers } from '../../api/resources/users';
import { userIdOfJid } from './user-id';

/** Names are read for the first spaces only: a host in hundreds of spaces still gets a quick answer. */
const NAMED = 20;

/** The CMS user a search means: the JID typed, or the one user whose JID's user part is the id typed. */
async function findUser(text: string, signal?: AbortSignal) {
  const wanted = text.trim().toLowerCase();
  const users = await listAllUsers({ filter: userIdOfJid(wanted) }, signal);
  const matches = users.items.filter((u) => {
    const jid = (u.userJid ?? '').toLowerCase();
    return wanted.includes('@') ? jid === wanted : userIdOfJid(jid) === wanted;
  });
  return matches.length === 1 ? matches[0] : undefined;
}

/**
 * "Member of": the spaces a user belongs to, from `GET /users/<id>/usercoSpaces` (one request per
 * page of 10) — not a filter over every space's members.
 */
export function MemberSpaces({ searched }: { searched: string }) {
  const user = useQuery({ queryKey: ['cms', 'users', 'byJid', searched.toLowerCase()], queryFn: ({ signal }) => findUser(searched, signal) });
  const userId = user.data?.id;
  const memberships = useQuery({ ...userCoSpaceQueries.listAll(userId ?? ''), enabled: userId !== undefined });
  const spaceIds = (memberships.data?.items ?? []).map((m) => m.coSpaceId);
  const names = useQueries({ queries: spaceIds.slice(0, NAMED).map((id) => spaceQueries.detail(id)) });

  if (user.isSuccess && !user.data) return null;
  return (
    <Paper variant="outlined" component="section" aria-labelledby="member-title" sx={{ p: 2 }}>
      <Typography variant="h6" component="h2" id="member-title" gutterBottom>
        Spaces {user.data?.userJid ?? searched} is a member of
      </Typography>
      {(user.isError || memberships.isError) && (
        <Alert severity="error">Could not read the user’s spaces: {(user.error ?? memberships.error)?.message}</Alert>
      )}
      {memberships.isSuccess && memberships.data.total === 0 && <Typography>Not a member of any space.</Typography>}
      {memberships.isSuccess && memberships.data.total > 0 && (
        <List dense aria-label="Member of">
          {spaceIds.map((id, i) => (
            <ListItem key={id} disableGutters>
              <ListItemText primary={names[i]?.data?.name ?? (i < NAMED ? '…' : '(name not read)')} secondary={`id ${id}`} />
            </ListItem>
          ))}
        </List>
      )}
    </Paper>
  );
}
