import type { Finding, FindingSeverity } from '../profile-resolution/model';
import { plural, shortList } from '../profile-resolution/words';

export type VerdictStatus = 'pass' | 'warn' | 'fail';

/** One word for the whole guest/host set-up of a space: what Troubleshoot ends on and the Profiles tab shows on top. */
export interface Verdict {
  status: VerdictStatus;
  /** "Fail", "Check", "Pass" */
  word: string;
  sentence: string;
}

const STATUS_OF: Record<FindingSeverity, VerdictStatus | undefined> = { error: 'fail', warning: 'warn', info: undefined };
const RANK: Record<VerdictStatus, number> = { pass: 0, warn: 1, fail: 2 };

/** The worse of two statuses. */
export function worse(a: VerdictStatus, b: VerdictStatus): VerdictStatus {
  return RANK[a] >= RANK[b] ? a : b;
}

/** Errors fail the space, warnings ask for a check, notes (info) leave it passing. */
export function statusOf(findings: readonly Pick<Finding, 'severity'>[]): VerdictStatus {
  return findings.reduce<VerdictStatus>((status, f) => worse(status, STATUS_OF[f.severity] ?? 'pass'), 'pass');
}

export function verdictOf(findings: readonly Finding[], summary: string): Verdict {
  const status = statusOf(findings);
  const errors = findings.filter((f) => f.severity === 'error');
  const warnings = findings.filter((f) => f.severity === 'warning');
  switch (status) {
    case 'fail':
      return { status, word: 'Fail', sentence: `${plural(errors.length, 'problem')} to fix: ${shortList(errors.map((f) => f.title), 2)}.` };
    case 'warn':
      return { status, word: 'Check', sentence: `${plural(warnings.length, 'warning')}: ${shortList(warnings.map((f) => f.title), 2)}.` };
    default:
      return { status, word: 'Pass', sentence: summary };
  }
}
