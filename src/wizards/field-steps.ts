import type { WizardScenarioId, WizardStepId } from '../lib/wizard-links';
import { stepFields, stepsFor } from './wizard-schema';

/** The step whose fields hold `field` ('space.uri' → 'space'); undefined for fields no step shows. */
export function stepOfField(scenario: WizardScenarioId, field: string): WizardStepId | undefined {
  const fields = stepFields(scenario);
  for (const step of stepsFor(scenario)) {
    const roots = fields[step] ?? [];
    if (roots.some((root) => field === root || field.startsWith(`${root}.`))) return step;
  }
  return undefined;
}

/** The first step (in wizard order) that has one of the fields. */
export function firstStepWith(scenario: WizardScenarioId, fields: readonly string[]): WizardStepId | undefined {
  const steps = new Set(fields.map((f) => stepOfField(scenario, f)).filter((s): s is WizardStepId => s !== undefined));
  return stepsFor(scenario).find((s) => steps.has(s));
}

/** Form paths of react-hook-form's nested errors object, leaves only ('space.uri', 'members.0.userJid'). */
export function errorPaths(errors: unknown, prefix = ''): string[] {
  if (!errors || typeof errors !== 'object') return [];
  const node = errors as Record<string, unknown>;
  if (typeof node.message === 'string' && typeof node.type === 'string') return [prefix];
  const out: string[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'ref' || key === 'root') continue;
    out.push(...errorPaths(value, prefix ? `${prefix}.${key}` : key));
  }
  return out;
}
