import type { WizardScenarioId, WizardStepId } from '../lib/wizard-links';
import { enclosingField, STEPS } from '../domain/space-planning/wizard-fields';
import { isWizardPath, type WizardPath } from '../domain/space-planning/wizard-schema';

/** The step that shows `field` ('space.uri' → 'space'); undefined for fields the scenario's steps do not show. */
export function stepOfField(scenario: WizardScenarioId, field: string): WizardStepId | undefined {
  const step = enclosingField(field)?.step;
  return step !== undefined && STEPS[scenario].includes(step) ? step : undefined;
}

/** The first step (in wizard order) that has one of the fields. */
export function firstStepWith(scenario: WizardScenarioId, fields: readonly string[]): WizardStepId | undefined {
  const steps = new Set(fields.map((f) => stepOfField(scenario, f)).filter((s): s is WizardStepId => s !== undefined));
  return STEPS[scenario].find((s) => steps.has(s));
}

/** Form paths of react-hook-form's nested errors object, leaves only ('space.uri', 'members.0.userJid'). */
export function errorPaths(errors: unknown, prefix = ''): WizardPath[] {
  if (!errors || typeof errors !== 'object') return [];
  const node = errors as Record<string, unknown>;
  if (typeof node.message === 'string' && typeof node.type === 'string') return isWizardPath(prefix) ? [prefix] : [];
  const out: WizardPath[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'ref' || key === 'root') continue;
    out.push(...errorPaths(value, prefix ? `${prefix}.${key}` : key));
  }
  return out;
}
