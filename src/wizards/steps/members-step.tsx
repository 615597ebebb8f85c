import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useFieldArray } from 'react-hook-form';
import { userQueries } from '../../api/resources/users';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { CheckboxInput, fieldId, TextInput } from '../form-fields';
import { MEMBER_PERMISSIONS, type MemberPermission } from '../../domain/space-planning/wizard-fields';
import { useWizardFormContext, useWizardValue } from '../use-wizard-form';
import { newMember } from '../../domain/space-planning/wizard-schema';

const PERMISSION_LABELS: Record<MemberPermission, string> = {
  canDestroy: 'May delete the space',
  canAddRemoveMember: 'May add and remove members',
  canChangeName: 'May change the name',
  canChangeUri: 'May change the URI',
  canChangeCallId: 'May change the call ID',
  canChangePasscode: 'May change the guest PIN',
  canPostMessage: 'May post messages',
  canDeleteAllMessages: 'May delete all messages',
  canRemoveSelf: 'May leave the space',
  canChangeNonMemberAccessAllowed: 'May let non-members in or keep them out',
};

/** Step "Members" (scenario 4): members are hosts when signed in to the web app. */
export function MembersStep() {
  const { control, setFocus } = useWizardFormContext();
  const { fields, append, remove } = useFieldArray({ control, name: 'members' });
  const owner = useWizardValue('space.ownerJid');
  const members = useWizardValue('members') ?? [];
  const ownerListed = !!owner && members.some((m) => (m.userJid ?? '').trim().toLowerCase() === owner.trim().toLowerCase());

  return (
    <Stack spacing={3}>
      <Typography>
        Each member below gets the host call leg profile: signed in to the web app, they join the space as hosts and let the guests in. The
        owner is set on the Space step{owner ? ` (${owner})` : ''}.
      </Typography>
      {owner && !ownerListed && (
        <Alert
          severity="info"
          role="note"
          action={
            <Button color="inherit" onClick={() => append(newMember(owner.trim()))}>
              Add the owner
            </Button>
          }
        >
          The owner is not in the list, so they would join with the space’s guest profile. The guide adds the owner as a member with the host
          profile.
        </Alert>
      )}
      {fields.length === 0 && <Typography>No members: only hosts with the host PIN can start the meeting.</Typography>}
      {fields.map((field, index) => (
        <Paper key={field.id} variant="outlined" sx={{ p: 2 }} component="section" aria-label={`Member ${index + 1}`}>
          <Stack spacing={2}>
            <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
              <Box sx={{ flexGrow: 1 }}>
                <UserJidField index={index} />
              </Box>
              <Button
                startIcon={<DeleteIcon />}
                onClick={() => {
                  remove(index);
                  // Keep the focus in the list rather than losing it to the page.
                  queueMicrotask(() => {
                    if (fields.length > 1) setFocus(`members.${Math.max(0, index - 1)}.userJid`);
                  });
                }}
              >
                Remove member {index + 1}
              </Button>
            </Stack>
            <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
              <Typography component="legend" variant="subtitle2">
                Permissions of member {index + 1}
              </Typography>
              <Grid container spacing={0}>
                {MEMBER_PERMISSIONS.map((p) => (
                  <Grid key={p} size={{ xs: 12, sm: 6, md: 4 }}>
                    <CheckboxInput name={`members.${index}.permissions.${p}`} label={`${PERMISSION_LABELS[p]} (${p})`} />
                  </Grid>
                ))}
              </Grid>
            </Box>
          </Stack>
        </Paper>
      ))}
      <Box>
        <Button
          variant="outlined"
          startIcon={<AddIcon />}
          onClick={() => {
            append(newMember(), { shouldFocus: true });
          }}
        >
          Add member
        </Button>
      </Box>
    </Stack>
  );
}

/** A user JID with suggestions from CMS's users (LDAP), as a native datalist: typing and arrow keys work as usual. */
function UserJidField({ index }: { index: number }) {
  const name = `members.${index}.userJid` as const;
  const value = useWizardValue(name) ?? '';
  const filter = useDebouncedValue(value.trim(), 300);
  const users = useQuery({ ...userQueries.list({ ...(filter ? { filter } : {}), limit: 10 }) });
  const listId = `${fieldId(name)}-users`;
  return (
    <>
      <TextInput name={name} label={`Member ${index + 1} (user JID)`} required helperText="The user’s XMPP ID, e.g. user1@example.com." list={listId} />
      <datalist id={listId}>
        {(users.data?.items ?? []).map((u) => (
          <option key={u.id} value={u.userJid ?? ''}>
            {u.name ?? ''}
          </option>
        ))}
      </datalist>
    </>
  );
}
