import { dialledAddress, planDial, quickDials, type Dial, type DialBy, type DialPlan } from '../../domain/space-evaluation/dial-plan';
import type { SpaceEvaluation } from '../../domain/space-evaluation/evaluate';
import type { DialledSearch } from './dialled-input';

export interface PromptChoice {
  /** what the caller enters: '' nothing is asked, '#' a blank PIN, digits */
  pin: string;
  plan: DialPlan;
}

export interface DialledAnswer {
  /** how the dial reached this space: its call ID, or a URI */
  by: DialBy;
  address: string;
  /** what the dial as searched (with its PIN, or none) does */
  plan: DialPlan;
  /** every PIN a caller can give on this address, and where each leads */
  atPrompt: PromptChoice[];
}

/** Which of the searched addresses this space answers: a call ID first (what the IVR asks for), then a URI. */
function dialledBy(evaluation: SpaceEvaluation, search: DialledSearch): { by: DialBy; address: string } | undefined {
  const ways = evaluation.paths.filter((p) => p.kind !== 'member');
  if (search.callId !== undefined && ways.some((p) => p.callId === search.callId)) return { by: 'callId', address: search.callId };
  if (ways.some((p) => p.uri?.toLowerCase() === search.uri)) return { by: 'uri', address: search.uri };
  return undefined;
}

/**
 * What a caller who dialled `search` gets in this one space, from its one evaluation and the dial
 * planner: the way in, the role, the PIN prompt and the lobby; and, for the same address, what
 * each PIN a caller could give leads to. Undefined when the space (no longer) answers the address.
 */
export function answerDialled(evaluation: SpaceEvaluation, search: DialledSearch, via: Dial['via']): DialledAnswer | undefined {
  const target = dialledBy(evaluation, search);
  if (!target) return undefined;
  const dial = (pin: string | undefined): DialPlan => planDial(evaluation, { ...target, via, ...(pin !== undefined ? { pin } : {}) });
  const wanted = dialledAddress(target);
  const atPrompt = quickDials(evaluation)
    .filter((q) => q.by === target.by && dialledAddress(q) === wanted)
    .map((q) => ({ pin: q.pin, plan: dial(q.pin === '' ? undefined : q.pin) }));
  return { ...target, plan: dial(search.pin), atPrompt };
}
