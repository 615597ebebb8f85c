import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import { lostAnswers } from '../api/changes/describe';
import type { SentWrite } from '../api/changes/types';

/** The writes of a run whose answer CMS lost, and what reading CMS showed for each; nothing when every answer came. */
export function LostAnswers({ writes }: { writes: readonly SentWrite[] }) {
  const lost = lostAnswers(writes);
  if (lost.length === 0) return null;
  const unsettled = lost.some((l) => !l.settled);
  return (
    <Alert severity={unsettled ? 'warning' : 'info'} role="note">
      <AlertTitle>{lost.length === 1 ? 'One answer from CMS was lost' : `${lost.length} answers from CMS were lost`}</AlertTitle>
      <Box component="ul" sx={{ m: 0, pl: 2.5 }} aria-label="Lost answers and what reading CMS showed">
        {lost.map((l) => (
          <li key={l.seq}>{l.sentence}</li>
        ))}
      </Box>
    </Alert>
  );
}
