import type { Operation } from '../../api/resources/operations';
import type { WizardScenarioId } from '../../lib/wizard-links';

export const PATTERN_LABELS: Record<WizardScenarioId, { title: string; hint: string }> = {
  'different-uris': { title: 'Different addresses for guests and hosts', hint: 'Hosts get an access method of their own (the space URI with a prefix or suffix, its own call ID).' },
  'same-uri-two-pins': { title: 'One address, two PINs', hint: 'Hosts dial the space URI too and are told apart by a host PIN; the space must have a guest PIN.' },
  'blank-guest-pin': { title: 'One address, guests without a PIN', hint: 'Guests press # without a PIN, hosts enter one; the space must have no guest PIN. A call profile sets how long CMS waits.' },
  'members-are-hosts': { title: 'Hosts sign in to the web app', hint: 'The space owner becomes a host member; others join with a host PIN on the space address.' },
};

/** "Create access method" for the review's counts. */
export const WRITE_LABELS: Partial<Record<Operation['op'], string>> = {
  createCallLegProfile: 'Create call leg profile',
  createCallProfile: 'Create call profile',
  updateSpace: 'Change space',
  createAccessMethod: 'Create access method',
  updateAccessMethod: 'Change access method',
  createSpaceMember: 'Add member',
  updateSpaceMember: 'Change member',
};
