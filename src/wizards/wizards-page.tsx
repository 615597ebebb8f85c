import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardActions from '@mui/material/CardActions';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Grid from '@mui/material/Grid';
import Paper from '@mui/material/Paper';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { wizardLink } from '../lib/wizard-links';
import {
  openQuestions,
  recommend,
  SCENARIO_GUIDES,
  scenarioGuide,
  type Answer,
  type PickerAnswers,
  type ScenarioGuide,
} from './scenario-guide';

/** The first screen: the four ways of the guide in plain words, and a few questions to pick one. */
export function WizardsPage() {
  const [answers, setAnswers] = useState<PickerAnswers>({});
  const questions = openQuestions(answers);
  const recommendation = recommend(answers);

  const answer = (key: keyof PickerAnswers, value: Answer) => {
    // A changed answer makes the later ones moot: they were asked in its light.
    const next: PickerAnswers = {};
    for (const q of questions) {
      if (q.key === key) {
        next[key] = value;
        break;
      }
      next[q.key] = answers[q.key];
    }
    setAnswers(next);
  };

  return (
    <Stack spacing={3}>
      <div>
        <Typography variant="h4" component="h1" gutterBottom>
          Guest and host wizards
        </Typography>
        <Typography sx={{ maxWidth: '75ch' }}>
          Guests wait in a lobby until a host joins. CMS tells them apart by the way they join a space: the address or
          call ID they dial, the PIN they enter, or who they are signed in as. Each wizard below sets up one of those
          ways on a new or existing space, shows every API call before anything is written, and can undo its changes.
        </Typography>
      </div>

      <Paper component="section" variant="outlined" aria-labelledby="wizard-picker-heading" sx={{ p: 2 }}>
        <Typography id="wizard-picker-heading" variant="h5" component="h2" gutterBottom>
          Help me choose
        </Typography>
        <Stack spacing={2}>
          {questions.map((q) => (
            <FormControl key={q.key}>
              <FormLabel id={`picker-${q.key}`}>{q.question}</FormLabel>
              <RadioGroup
                row
                aria-labelledby={`picker-${q.key}`}
                aria-describedby={`picker-${q.key}-hint`}
                name={q.key}
                value={answers[q.key] ?? ''}
                onChange={(event) => answer(q.key, event.target.value as Answer)}
              >
                <FormControlLabel value="yes" control={<Radio />} label="Yes" />
                <FormControlLabel value="no" control={<Radio />} label="No" />
              </RadioGroup>
              <FormHelperText id={`picker-${q.key}-hint`} sx={{ mx: 0 }}>
                {q.hint}
              </FormHelperText>
            </FormControl>
          ))}
          <div aria-live="polite">
            {recommendation && (
              <Alert
                severity="success"
                role="note"
                action={
                  <Button component={RouterLink} to={wizardLink({ scenario: recommendation.scenario })} color="inherit" variant="outlined">
                    Start this wizard
                  </Button>
                }
              >
                <AlertTitle>Recommended: {scenarioGuide(recommendation.scenario).title}</AlertTitle>
                {recommendation.because}
              </Alert>
            )}
          </div>
        </Stack>
      </Paper>

      <section aria-labelledby="wizard-ways-heading">
        <Typography id="wizard-ways-heading" variant="h5" component="h2" gutterBottom>
          The four ways
        </Typography>
        <Grid container spacing={2}>
          {SCENARIO_GUIDES.map((guide, i) => (
            <Grid key={guide.id} size={{ xs: 12, lg: 6 }}>
              <ScenarioCard guide={guide} number={i + 1} recommended={recommendation?.scenario === guide.id} />
            </Grid>
          ))}
        </Grid>
      </section>
    </Stack>
  );
}

function ScenarioCard({ guide, number, recommended }: { guide: ScenarioGuide; number: number; recommended: boolean }) {
  const headingId = `scenario-${guide.id}-heading`;
  return (
    <Card
      component="article"
      aria-labelledby={headingId}
      variant="outlined"
      sx={{ height: '100%', display: 'flex', flexDirection: 'column', borderColor: recommended ? 'success.main' : undefined, borderWidth: recommended ? 2 : 1 }}
    >
      <CardContent sx={{ flexGrow: 1 }}>
        <Typography id={headingId} variant="h6" component="h3" gutterBottom>
          {number}. {guide.title}
          {recommended && <Chip size="small" color="success" label="Recommended" sx={{ ml: 1, verticalAlign: 'middle' }} />}
        </Typography>
        <Typography variant="body2" sx={{ mb: 1 }}>
          {guide.summary}
        </Typography>
        <Table size="small" aria-label={`Who dials what: ${guide.title}`}>
          <TableHead>
            <TableRow>
              <TableCell component="th" scope="col">
                Who
              </TableCell>
              <TableCell component="th" scope="col">
                Dials or opens
              </TableCell>
              <TableCell component="th" scope="col">
                PIN
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            <TableRow>
              <TableCell component="th" scope="row">
                Guest
              </TableCell>
              <TableCell>{guide.guest.dial}</TableCell>
              <TableCell>{guide.guest.pin}</TableCell>
            </TableRow>
            <TableRow>
              <TableCell component="th" scope="row">
                Host
              </TableCell>
              <TableCell>{guide.host.dial}</TableCell>
              <TableCell>{guide.host.pin}</TableCell>
            </TableRow>
          </TableBody>
        </Table>
        <Typography variant="body2" sx={{ mt: 1 }}>
          <strong>Web app:</strong> {guide.webApp}
        </Typography>
        {guide.caveat && (
          <Alert severity="info" role="note" sx={{ mt: 1 }}>
            {guide.caveat}
          </Alert>
        )}
      </CardContent>
      <CardActions>
        <Button
          component={RouterLink}
          to={wizardLink({ scenario: guide.id })}
          variant="outlined"
          aria-describedby={headingId}
        >
          Start wizard {number}
        </Button>
      </CardActions>
    </Card>
  );
}
