import { findings as findingsOf } from '../profile-resolution/findings';
import { ownerMember, spaceDefaultRole } from '../profile-resolution/findings-members';
import { callProfileLevels, ivrBehaviour, joinPaths, resolveCallProfileFor } from '../profile-resolution/join-paths';
import type { CallProfileLevel, Finding, JoinPath, ResolvedCallProfile, SpaceModel } from '../profile-resolution/model';
import { summarize } from '../profile-resolution/summary';
import { verdictOf, type Verdict } from './verdict';

export interface CallProfileEvaluation {
  /** the callProfiles attached (global → tenant → coSpace) */
  levels: CallProfileLevel[];
  resolved: ResolvedCallProfile;
  /** keys of the ways in where passcodeMode changes anything: a blank and a set PIN share their URI or call ID */
  matters: string[];
}

export interface OwnerEvaluation {
  jid?: string;
  id?: string;
  /** the member path of the owner, when the owner is a member */
  memberKey?: string;
}

/**
 * Everything the product says about one space's guest/host set-up, computed once: the ways in with
 * their resolved callLegProfile, the callProfile in force, the owner, the findings and the verdict.
 * Summary, findings, Troubleshoot, role labels, Live prediction and reach all read this.
 */
export interface SpaceEvaluation {
  model: SpaceModel;
  paths: JoinPath[];
  /** what the space's own URI, secondary URI and call ID make their callers */
  spaceRole: 'host' | 'guest';
  callProfile: CallProfileEvaluation;
  owner?: OwnerEvaluation;
  /** the space's own defaultLayout ("for new call legs in this coSpace"); callLegProfiles have their own */
  defaultLayout?: string;
  findings: Finding[];
  summary: string;
  verdict: Verdict;
}

const evaluations = new WeakMap<SpaceModel, SpaceEvaluation>();

function ownerOf(model: SpaceModel): OwnerEvaluation | undefined {
  const { ownerJid, ownerId } = model.space;
  if (!ownerJid && !ownerId) return undefined;
  const member = ownerMember(model);
  return { ...(ownerJid ? { jid: ownerJid } : {}), ...(ownerId ? { id: ownerId } : {}), ...(member ? { memberKey: `member:${member.id}` } : {}) };
}

/** The one evaluation of a space; the same model always gives the same (cached) object. */
export function evaluateSpace(model: SpaceModel): SpaceEvaluation {
  const cached = evaluations.get(model);
  if (cached) return cached;
  const paths = joinPaths(model);
  const resolved = resolveCallProfileFor(model);
  const findings = findingsOf(model, paths);
  const summary = summarize(model, paths);
  const owner = ownerOf(model);
  const evaluation: SpaceEvaluation = {
    model,
    paths,
    spaceRole: spaceDefaultRole(model),
    callProfile: {
      levels: callProfileLevels(model),
      resolved,
      matters: paths.filter((p) => p.kind !== 'member' && ivrBehaviour(model, p, resolved).matters).map((p) => p.key),
    },
    ...(owner ? { owner } : {}),
    ...(model.space.defaultLayout ? { defaultLayout: model.space.defaultLayout } : {}),
    findings,
    summary,
    verdict: verdictOf(findings, summary),
  };
  evaluations.set(model, evaluation);
  return evaluation;
}
