import type { WizardScenarioId } from '../lib/wizard-links';
import { guideExample, type WizardPath, type WizardValues } from '../domain/space-planning/wizard-schema';

/** The fields that hold the admin's own data in a new space: the guide's example shows as their placeholder. */
export const EXAMPLE_FIELDS = [
  'space.name',
  'space.uri',
  'space.callId',
  'space.passcode',
  'space.ownerJid',
  'access.uri',
  'access.callId',
  'access.passcode',
] as const satisfies readonly WizardPath[];
export type ExampleField = (typeof EXAMPLE_FIELDS)[number];

const isExampleField = (path: string): path is ExampleField => (EXAMPLE_FIELDS as readonly string[]).includes(path);

function exampleValue(values: WizardValues, path: ExampleField): string {
  const [group, name] = path.split('.');
  const value: unknown = Object.entries(group === 'space' ? values.space : values.access).find(([key]) => key === name)?.[1];
  return typeof value === 'string' ? value : '';
}

/** The guide's example value of a field ('' when the guide leaves it empty, or has none for it). */
export function exampleOf(scenario: WizardScenarioId, path: string): string {
  const example = guideExample(scenario);
  if (isExampleField(path)) return exampleValue(example, path);
  const member = /^members\.(\d+)\.userJid$/.exec(path);
  if (member && example.scenario === 'members-are-hosts') return example.members[Number(member[1])]?.userJid ?? '';
  return '';
}

/** "e.g. guestpin2.space": how a field shows the guide's example while it is empty. */
export function examplePlaceholder(scenario: WizardScenarioId, path: string): string | undefined {
  const value = exampleOf(scenario, path);
  return value === '' ? undefined : `e.g. ${value}`;
}

export interface ExampleFill {
  fields: Array<{ path: ExampleField; value: string }>;
  /** scenario 4: the guide's members, when the admin has listed none */
  members?: WizardValues<'members-are-hosts'>['members'];
}

/**
 * What "Fill in the guide's example" changes: only the empty fields (what the admin typed stays),
 * and the guide's members when the list is empty.
 */
export function exampleFill(scenario: WizardScenarioId, values: WizardValues): ExampleFill {
  const example = guideExample(scenario);
  const fields: ExampleFill['fields'] = [];
  for (const path of EXAMPLE_FIELDS) {
    const value = exampleValue(example, path);
    if (value !== '' && exampleValue(values, path).trim() === '') fields.push({ path, value });
  }
  const noMembers = values.scenario === 'members-are-hosts' && values.members.every((m) => (m.userJid ?? '').trim() === '');
  return example.scenario === 'members-are-hosts' && noMembers ? { fields, members: structuredClone(example.members) } : { fields };
}
