import { zodResolver } from '@hookform/resolvers/zod';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { FormText } from '../../components/form-text';
import { describeSearch, findFormSchema, parseDialled, type DialledSearch, type FindForm } from './dialled-input';
import { DialledResults } from './dialled-results';
import { UserResults } from './user-results';

interface Submitted {
  search: DialledSearch;
  via: FindForm['via'];
  /** a new object per submit, so the same search asked again reads CMS again */
  round: number;
}

const VIA_OPTIONS = [
  { value: 'sip', label: 'SIP endpoint or phone (IVR)' },
  { value: 'webrtc', label: 'Web app' },
];

/**
 * One search box for what a caller dialled or typed: a URI, a call ID, a PIN, or a user's JID.
 * The space is located with CMS's own queries, then that one space is evaluated.
 */
export function FindPanel() {
  const form = useForm<FindForm>({ resolver: zodResolver(findFormSchema), defaultValues: { query: '', pin: '', via: 'sip' } });
  const [submitted, setSubmitted] = useState<Submitted>();

  const onSubmit = form.handleSubmit((values) => {
    const parsed = parseDialled(values.query, values.pin);
    if (parsed.ok) setSubmitted((last) => ({ search: parsed.search, via: values.via, round: (last?.round ?? 0) + 1 }));
  });
  const findUser = (jid: string) => {
    form.setValue('query', jid);
    form.setValue('pin', '');
    void onSubmit();
  };

  const search = submitted?.search;
  return (
    <Paper variant="outlined" component="section" aria-labelledby="find-title" sx={{ p: 2 }}>
      <Typography variant="h6" component="h2" id="find-title" gutterBottom>
        Find by what a caller dialled
      </Typography>
      <Stack component="form" role="search" aria-label="Find a space" onSubmit={onSubmit} noValidate direction={{ xs: 'column', md: 'row' }} spacing={1.5} sx={{ alignItems: { md: 'flex-start' } }}>
        <Stack sx={{ flex: 3, minWidth: 0 }}>
          <FormText
            control={form.control}
            name="query"
            label="Dialled or typed"
            helperText="sip:host.space@example.com, host.space, a call ID (888), 888 PIN 1234, or a user’s JID (user1@evacanoalone.net)"
          />
        </Stack>
        <Stack sx={{ flex: 1, minWidth: 140 }}>
          <FormText control={form.control} name="pin" label="PIN (optional)" helperText="Digits; # alone for a blank PIN" numeric />
        </Stack>
        <Stack sx={{ flex: 1.4, minWidth: 200 }}>
          <FormText control={form.control} name="via" label="Caller joins from" options={VIA_OPTIONS} />
        </Stack>
        <Button type="submit" variant="contained" sx={{ mt: { md: 1 } }}>
          Find
        </Button>
      </Stack>
      {submitted && search && (
        <Stack spacing={2} sx={{ mt: 2 }}>
          <Typography variant="body2" color="text.secondary">
            Looked for the {describeSearch(search)}.
          </Typography>
          <DialledResults key={`d${submitted.round}`} search={search} via={submitted.via} onFindUser={findUser} />
          {search.jid !== undefined && <UserResults key={`u${submitted.round}`} jid={search.jid} />}
        </Stack>
      )}
    </Paper>
  );
}
