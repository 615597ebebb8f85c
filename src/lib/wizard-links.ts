/** The four guest/host wizards and their steps; findings link into them, the wizards read these URLs. */
export const WIZARD_SCENARIOS = ['different-uris', 'same-uri-two-pins', 'blank-guest-pin', 'members-are-hosts'] as const;
export type WizardScenarioId = (typeof WIZARD_SCENARIOS)[number];
export const WIZARD_STEPS = ['profiles', 'space', 'call-profile', 'access', 'members', 'review'] as const;
export type WizardStepId = (typeof WIZARD_STEPS)[number];

/** `/wizards/<scenario>?space=<id>&step=<step>`: opens a wizard on an existing space at a given step. */
export function wizardLink(link: { scenario: WizardScenarioId; step?: WizardStepId; spaceId?: string }): string {
  const query = new URLSearchParams();
  if (link.spaceId) query.set('space', link.spaceId);
  if (link.step) query.set('step', link.step);
  const q = query.toString();
  return `/wizards/${link.scenario}${q ? `?${q}` : ''}`;
}

/** `/spaces/<id>`, optionally on a tab of the space page (`profiles`, `troubleshoot`, `live`). */
export function spaceLink(spaceId: string, tab?: 'overview' | 'profiles' | 'troubleshoot' | 'live'): string {
  return `/spaces/${spaceId}${tab && tab !== 'overview' ? `/${tab}` : ''}`;
}

/** `/history/<runId>`: one run of the change journal, where it can be undone. */
export function historyRunLink(runId: string): string {
  return `/history/${runId}`;
}
