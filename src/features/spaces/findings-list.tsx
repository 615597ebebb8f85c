import BuildIcon from '@mui/icons-material/Build';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useMemo, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { wizardLink } from '../../lib/wizard-links';
import type { Finding, JoinPath } from '../../domain/profile-resolution/model';
import { formatCount } from '../../domain/profile-resolution/words';

const SEVERITY_WORD = { error: 'Error', warning: 'Warning', info: 'Note' } as const;

const FIRST_OF_A_KIND = 3;
const MORE_OF_A_KIND = 50;

/** Findings of one kind (`member-resolves-to-guest:<id>` → `member-resolves-to-guest`), in order of first appearance. */
export function groupFindings(findings: readonly Finding[]): Finding[][] {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const kind = finding.id.split(':')[0] ?? finding.id;
    const group = groups.get(kind);
    if (group) group.push(finding);
    else groups.set(kind, [finding]);
  }
  return [...groups.values()];
}

/**
 * The findings, errors first, each with the wizard step that fixes it. A kind that repeats per way
 * in (5,000 members without a profile) shows its first few, then more on demand.
 */
export function FindingsList({ findings, paths, spaceId }: { findings: readonly Finding[]; paths: readonly JoinPath[]; spaceId: string }) {
  const labels = useMemo(() => new Map(paths.map((p) => [p.key, p.label])), [paths]);
  if (findings.length === 0) {
    return (
      <Alert severity="success" variant="outlined">
        No findings: every check of the guest/host set-up passes.
      </Alert>
    );
  }
  return (
    <Stack spacing={1} component="ul" aria-label="Findings" sx={{ listStyle: 'none', p: 0, m: 0 }}>
      {groupFindings(findings).map((group) => (
        <FindingGroup key={group[0]?.id} group={group} labels={labels} spaceId={spaceId} />
      ))}
    </Stack>
  );
}

function FindingGroup({ group, labels, spaceId }: { group: Finding[]; labels: Map<string, string>; spaceId: string }) {
  const [shown, setShown] = useState(FIRST_OF_A_KIND);
  const rest = group.length - shown;
  return (
    <>
      {group.slice(0, shown).map((finding) => (
        <FindingItem key={finding.id} finding={finding} labels={labels} spaceId={spaceId} />
      ))}
      {rest > 0 && (
        <li>
          <Button size="small" onClick={() => setShown(shown + MORE_OF_A_KIND)} sx={{ textTransform: 'none' }}>
            Show {formatCount(Math.min(rest, MORE_OF_A_KIND))} more findings of this kind ({formatCount(rest)} not shown)
          </Button>
        </li>
      )}
    </>
  );
}

function FindingItem({ finding, labels, spaceId }: { finding: Finding; labels: Map<string, string>; spaceId: string }) {
  return (
    <li data-finding={finding.id}>
      <Alert
        severity={finding.severity}
        variant="outlined"
        action={
          finding.fix && (
            <Button
              component={RouterLink}
              to={wizardLink({ scenario: finding.fix.scenario, step: finding.fix.step, spaceId })}
              startIcon={<BuildIcon />}
              size="small"
              color="inherit"
              aria-label={`Fix: ${finding.fix.label}`}
              sx={{ whiteSpace: 'nowrap' }}
            >
              Fix
            </Button>
          )
        }
      >
        <AlertTitle>
          <span className="visually-hidden" style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>
            {SEVERITY_WORD[finding.severity]}:{' '}
          </span>
          {finding.title}
        </AlertTitle>
        <Typography variant="body2">{finding.explanation}</Typography>
        {finding.paths.length > 0 && (
          <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 0.5 }}>
            Concerns: {finding.paths.slice(0, 6).map((key) => labels.get(key) ?? key).join(', ')}
            {finding.paths.length > 6 ? ` and ${formatCount(finding.paths.length - 6)} more` : ''}
          </Typography>
        )}
        {finding.fix && (
          <Typography variant="caption" component="div" sx={{ mt: 0.5 }}>
            Fix: {finding.fix.label}
          </Typography>
        )}
      </Alert>
    </li>
  );
}
