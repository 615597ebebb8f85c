import type { WizardScenarioId } from '../../lib/wizard-links';

/** The four guest/host patterns of the guide, as the admin picks one. */
export const PATTERN_LABELS: Record<WizardScenarioId, { title: string; summary: string }> = {
  'different-uris': { title: '1 · Different URIs', summary: 'Guests dial the space, hosts dial a URI (or call ID) of their own.' },
  'same-uri-two-pins': { title: '2 · Same URI, two PINs', summary: 'Guests and hosts dial the same URI and are told apart by their PINs.' },
  'blank-guest-pin': { title: '3 · Same URI, blank guest PIN', summary: 'Guests press # (or wait), hosts enter a PIN.' },
  'members-are-hosts': { title: '4 · Members are hosts', summary: 'Members who sign in are hosts; guests join with the call ID.' },
};
