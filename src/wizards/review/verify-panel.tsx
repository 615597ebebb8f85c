import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Ref } from 'react';
import { Link as RouterLink } from 'react-router';
import { XmlBlock } from '../../components/xml-block';
import { spaceLink } from '../../lib/wizard-links';
import type { JoinCard } from '../../domain/space-planning/types';
import type { Verification } from '../engine/verify';
import { JoinCardList } from './join-card-list';

export interface VerifyPanelProps {
  verification: Verification;
  cards: readonly JoinCard[];
  headingRef: Ref<HTMLHeadingElement>;
  onRecheck: () => void;
}

/** After a successful apply: every object read back with CMS's XML, how to join, and the way to the viewer. */
export function VerifyPanel({ verification, cards, headingRef, onRecheck }: VerifyPanelProps) {
  const { spaceId, objects, mismatches } = verification;
  return (
    <Stack spacing={2} component="section" aria-labelledby="verify-heading">
      <Typography id="verify-heading" ref={headingRef} tabIndex={-1} variant="h5" component="h2" sx={{ outline: 'none' }}>
        Verify
      </Typography>
      {mismatches.length === 0 ? (
        <Alert severity="success" role="note">
          <AlertTitle>Done: CMS holds what the wizard set</AlertTitle>
          Every object below was read back from CMS.
        </Alert>
      ) : (
        <Alert severity="warning" role="note">
          <AlertTitle>CMS holds something else in {mismatches.length === 1 ? 'one place' : `${mismatches.length} places`}</AlertTitle>
          <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
            {mismatches.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </Box>
        </Alert>
      )}
      <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap', gap: 1 }}>
        {spaceId && (
          <Button component={RouterLink} to={spaceLink(spaceId, 'profiles')} variant="contained">
            Open the space in the profile viewer
          </Button>
        )}
        <Button variant="outlined" onClick={onRecheck}>
          Check again (plan the same inputs)
        </Button>
      </Stack>
      <section aria-labelledby="verify-join-heading">
        <Typography id="verify-join-heading" variant="h6" component="h3" gutterBottom>
          How to join
        </Typography>
        <JoinCardList cards={cards} headingLevel={4} />
      </section>
      <section aria-labelledby="verify-objects-heading">
        <Typography id="verify-objects-heading" variant="h6" component="h3" gutterBottom>
          Read back from CMS ({objects.length} {objects.length === 1 ? 'object' : 'objects'})
        </Typography>
        <Stack spacing={1.5}>
          {objects.map((o) => (
            <Paper key={o.key} variant="outlined" sx={{ p: 1.5 }} component="article" aria-label={o.title}>
              <Typography variant="subtitle1" component="h4">
                {o.title}
              </Typography>
              <Typography variant="body2" sx={{ fontFamily: 'monospace', mb: 1, wordBreak: 'break-all' }}>
                GET {o.path}
              </Typography>
              {o.problem && (
                <Alert severity="error" sx={{ mb: 1 }}>
                  {o.problem}
                </Alert>
              )}
              {o.xml !== '' && <XmlBlock text={o.xml} label={`XML of GET ${o.path}`} />}
            </Paper>
          ))}
        </Stack>
      </section>
    </Stack>
  );
}
