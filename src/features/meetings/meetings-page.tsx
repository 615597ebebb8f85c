import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { BulkSets } from './bulk-sets';
import { ScheduledMeetings } from './scheduled-meetings';

export function MeetingsPage() {
  return (
    <Stack spacing={3}>
      <Typography variant="h4" component="h1">
        Meetings
      </Typography>
      <ScheduledMeetings />
      <BulkSets />
    </Stack>
  );
}
