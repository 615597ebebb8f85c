import { planSignIn, type DialPlan } from '../../domain/space-evaluation/dial-plan';
import type { SpaceEvaluation } from '../../domain/space-evaluation/evaluate';

export interface MemberAnswer {
  /** signing in to the web app as this member: the member's way in, role and lobby */
  plan: DialPlan;
  /** the space's ownerJid (or ownerId) is this user */
  owner: boolean;
}

/** What a user gets in one space they belong to, from its one evaluation: role as a member, and whether they own it. */
export function answerMember(evaluation: SpaceEvaluation, user: { jid: string; id?: string }): MemberAnswer {
  const jid = user.jid.toLowerCase();
  const owner = evaluation.owner;
  const owns = owner !== undefined && (owner.jid?.toLowerCase() === jid || (user.id !== undefined && owner.id?.toLowerCase() === user.id.toLowerCase()));
  return { plan: planSignIn(evaluation, user.jid), owner: owns };
}
