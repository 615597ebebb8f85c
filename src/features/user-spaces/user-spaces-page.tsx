import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { spaceQueries } from '../../api/resources/spaces';
import { CreateSpace } from './create-space';
import { MemberSpaces } from './member-spaces';
import { FormText } from '../../components/form-text';
import { searchSchema, userIdOfJid } from './user-id';
import { UserSpaceCard } from './user-space-card';

/**
 * The provisioning lab's portal: a user's personal space is the one whose URI (or secondary URI)
 * is the user id. CMS has only a substring filter, so a lookup filters, then matches exactly
 * across every page.
 */
export function UserSpacesPage() {
  const [searched, setSearched] = useState('');
  const [typed, setTyped] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const search = useForm<{ userId: string }>({ resolver: zodResolver(searchSchema), defaultValues: { userId: '' } });
  const lookup = useQuery({ ...spaceQueries.byUri(searched), enabled: searched !== '' });

  const find = (userId: string) => {
    setNotice(null);
    if (userId === searched) void lookup.refetch();
    else setSearched(userId);
  };
  const onSearch = search.handleSubmit(({ userId }) => {
    setTyped(userId.trim());
    find(userIdOfJid(userId));
  });
  const found = lookup.data ?? [];

  return (
    <Stack spacing={3}>
      <Typography variant="h4" component="h1">
        Spaces by user
      </Typography>
      <Paper variant="outlined" component="section" aria-labelledby="find-title" sx={{ p: 2 }}>
        <Typography variant="h6" component="h2" id="find-title" gutterBottom>
          Find a user’s space
        </Typography>
        <Stack component="form" role="search" aria-label="Find a user’s space" onSubmit={onSearch} noValidate direction="row" spacing={1} sx={{ alignItems: 'flex-start', maxWidth: 640 }}>
          <FormText
            control={search.control}
            name="userId"
            label="User id"
            helperText="The URI user part of the user’s space, e.g. user1; a JID works too (its domain is dropped)."
          />
          <Button type="submit" variant="contained" sx={{ mt: 1 }} disabled={lookup.isFetching}>
            Find
          </Button>
        </Stack>
        <Stack spacing={2} sx={{ mt: 2 }} aria-live="polite">
          {notice && (
            <Alert severity="success" onClose={() => setNotice(null)}>
              {notice}
            </Alert>
          )}
          {lookup.isFetching && <Typography>Looking through every page of spaces matching “{searched}”…</Typography>}
          {!lookup.isFetching && lookup.isError && (
            <Alert severity="error">The search for “{searched}” failed: {lookup.error.message}</Alert>
          )}
          {!lookup.isFetching && lookup.isSuccess && found.length === 0 && (
            <Alert severity="info">No space has “{searched}” as its URI or secondary URI. Create it below from the CMS user record.</Alert>
          )}
          {!lookup.isFetching && lookup.isSuccess && found.length > 1 && (
            <Alert severity="warning">
              {found.length} spaces have “{searched}” as their URI or secondary URI, so this user id does not lead to one space. Give
              each space its own URI on the Spaces page, then search again.
              <List dense>
                {found.map((s) => (
                  <ListItem key={s.id} disableGutters>
                    <ListItemText primary={s.name ?? '(no name)'} secondary={`uri ${s.uri ?? '-'}, secondary URI ${s.secondaryUri ?? '-'}, id ${s.id}`} />
                  </ListItem>
                ))}
              </List>
            </Alert>
          )}
          {/* Kept while a save refetches the search, so the card's dialog stays open to show the outcome. */}
          {found.length === 1 && found[0]?.id && (
            <UserSpaceCard
              spaceId={found[0].id}
              userId={searched}
              onDeleted={() => void lookup.refetch()}
            />
          )}
        </Stack>
      </Paper>
      {typed !== '' && <MemberSpaces searched={typed} />}
      <CreateSpace
        suggestedUserId={lookup.isSuccess && found.length === 0 ? searched : undefined}
        onCreated={(uri, message) => {
          search.reset({ userId: uri });
          setSearched(uri);
          void lookup.refetch();
          setNotice(message);
        }}
      />
    </Stack>
  );
}
