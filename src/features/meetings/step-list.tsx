import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ErrorIcon from '@mui/icons-material/Error';
import RadioButtonUncheckedIcon from '@mui/icons-material/RadioButtonUnchecked';
import RemoveCircleOutlineIcon from '@mui/icons-material/RemoveCircleOutlineOutlined';
import CircularProgress from '@mui/material/CircularProgress';
import LinearProgress from '@mui/material/LinearProgress';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import { useCallback, useRef, useState, type ReactNode } from 'react';
import type { Step } from './meeting-ops';

export type StepState = 'waiting' | 'running' | 'done' | 'failed' | 'skipped';
export interface StepProgress {
  label: string;
  request: string;
  state: StepState;
  note?: string;
}

/** Runs steps one after the other; the first failure stops the run and names what went wrong. */
export function useStepRunner() {
  const [progress, setProgress] = useState<StepProgress[] | null>(null);
  const [running, setRunning] = useState(false);
  const busy = useRef(false);

  const run = useCallback(async (steps: Step[]): Promise<boolean> => {
    if (busy.current) return false;
    busy.current = true;
    setRunning(true);
    const states: StepProgress[] = steps.map((s) => ({ label: s.label, request: s.request, state: 'waiting' }));
    const publish = () => setProgress(states.map((s) => ({ ...s })));
    publish();
    let ok = true;
    for (const [i, step] of steps.entries()) {
      const state = states[i] as StepProgress;
      if (!ok) {
        state.state = 'skipped';
        continue;
      }
      state.state = 'running';
      publish();
      try {
        const note = await step.run();
        state.state = 'done';
        if (note) state.note = note;
      } catch (error) {
        state.state = 'failed';
        state.note = error instanceof Error ? error.message : String(error);
        ok = false;
      }
      publish();
    }
    publish();
    busy.current = false;
    setRunning(false);
    return ok;
  }, []);

  return { progress, running, run, reset: () => setProgress(null) };
}

const icons: Record<StepState, ReactNode> = {
  waiting: <RadioButtonUncheckedIcon color="disabled" />,
  running: <CircularProgress size={20} />,
  done: <CheckCircleIcon color="success" />,
  failed: <ErrorIcon color="error" />,
  skipped: <RemoveCircleOutlineIcon color="disabled" />,
};
const stateText: Record<StepState, string> = { waiting: 'to do', running: 'running', done: 'done', failed: 'failed', skipped: 'not run' };

/** The steps of a review (no progress yet) or of a run, each with its request. */
export function StepList({ steps, label }: { steps: Array<Pick<StepProgress, 'label' | 'request'> & Partial<StepProgress>>; label: string }) {
  const done = steps.filter((s) => s.state === 'done').length;
  const started = steps.some((s) => s.state !== undefined && s.state !== 'waiting');
  const failed = steps.some((s) => s.state === 'failed');
  return (
    <>
      {started && (
        <LinearProgress
          variant="determinate"
          value={(100 * done) / Math.max(1, steps.length)}
          color={failed ? 'error' : done === steps.length ? 'success' : 'primary'}
          aria-label={`${label}: ${done} of ${steps.length} steps done`}
          sx={{ mb: 1 }}
        />
      )}
      <List dense aria-label={label}>
        {steps.map((step, i) => (
          <ListItem key={i} disableGutters aria-label={`${step.label}: ${stateText[step.state ?? 'waiting']}`}>
            <ListItemIcon sx={{ minWidth: 36 }}>{icons[step.state ?? 'waiting']}</ListItemIcon>
            <ListItemText
              primary={step.label}
              secondary={
                <>
                  <code>{step.request}</code>
                  {step.note && (
                    <span style={{ display: 'block', color: step.state === 'failed' ? 'inherit' : undefined }} role={step.state === 'failed' ? 'alert' : undefined}>
                      {step.note}
                    </span>
                  )}
                </>
              }
            />
          </ListItem>
        ))}
      </List>
    </>
  );
}
