import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link as RouterLink } from 'react-router';
import { spaceQueries } from '../../api/resources/spaces';
import { spaceLink } from '../../lib/wizard-links';

/**
 * What a person pastes (`sip:Guest.Space@example.com`, `user1`) as the URI user part CMS stores:
 * no scheme, no domain, any case.
 */
export function uriUserPart(input: string): string {
  const trimmed = input.trim().replace(/^sips?:/i, '');
  const at = trimmed.indexOf('@');
  return (at >= 0 ? trimmed.slice(0, at) : trimmed).toLowerCase();
}

/** Finds the spaces whose URI or secondary URI is exactly the one given, as the provisioning lab does. */
export function ExactLookup() {
  const [input, setInput] = useState('');
  const [wanted, setWanted] = useState('');
  const lookup = useQuery({ ...spaceQueries.byUri(wanted), enabled: wanted !== '' });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setWanted(uriUserPart(input));
  };
  const stripped = wanted !== '' && input.trim().toLowerCase() !== wanted;

  return (
    <Stack component="form" role="search" aria-label="Exact lookup" onSubmit={submit} spacing={1} sx={{ minWidth: 320, flex: 1 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
        <TextField
          label="Exact lookup: user id or URI"
          helperText="Matches a space's URI or secondary URI exactly, across every page"
          value={input}
          onChange={(event) => setInput(event.target.value)}
          size="small"
          sx={{ flex: 1 }}
        />
        <Button type="submit" variant="outlined" disabled={uriUserPart(input) === '' || lookup.isFetching} sx={{ mt: 0.25 }}>
          Look up
        </Button>
      </Stack>
      <div aria-live="polite">
        {lookup.isFetching && <Typography variant="body2">Looking through every page for “{wanted}”…</Typography>}
        {lookup.isError && <Alert severity="error">{lookup.error.message}</Alert>}
        {lookup.isSuccess && !lookup.isFetching && (
          <LookupResult wanted={wanted} found={lookup.data} note={stripped ? `Looked up “${wanted}”: a space URI has no scheme or domain.` : undefined} />
        )}
      </div>
    </Stack>
  );
}

function LookupResult({ wanted, found, note }: { wanted: string; found: Array<{ id?: string; name?: string; uri?: string; secondaryUri?: string }>; note?: string }) {
  const where = (space: (typeof found)[number]) => (space.uri?.toLowerCase() === wanted ? 'URI' : 'secondary URI');
  const link = (space: (typeof found)[number]) =>
    space.id ? (
      <Link component={RouterLink} to={spaceLink(space.id)}>
        {space.name ?? space.id}
      </Link>
    ) : (
      (space.name ?? '(no id)')
    );
  return (
    <Stack spacing={0.5}>
      {note && <Typography variant="caption">{note}</Typography>}
      {found.length === 0 && <Alert severity="info">No space has “{wanted}” as its URI or secondary URI.</Alert>}
      {found.length === 1 && found[0] && (
        <Alert severity="success">
          One space: {link(found[0])} has “{wanted}” as its {where(found[0])}.
        </Alert>
      )}
      {found.length > 1 && (
        <Alert severity="warning">
          {found.length} spaces answer to “{wanted}”. CMS keeps a URI to one space, so one of them probably has it as a secondary URI:
          <List dense disablePadding>
            {found.map((space) => (
              <ListItem key={space.id} disableGutters>
                {link(space)}&nbsp;({where(space)})
              </ListItem>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  );
}
