import { z } from 'zod';
import { callLegProfileParams } from '../api/params/call-leg-profile';
import type { WizardScenarioId } from '../lib/wizard-links';
import { blankValues, isWizardPath, newMember, type WizardValues } from '../domain/space-planning/wizard-schema';

/**
 * A wizard's values across reloads and Back/Forward, in the tab's sessionStorage. PINs are never
 * written there (nor to the URL): they stay in this tab's memory only, so they come back after
 * leaving the wizard and returning, but not after a reload, and the wizard then says which to
 * enter again.
 */

export const PIN_PATHS = ['space.passcode', 'access.passcode'] as const;
export type PinPath = (typeof PIN_PATHS)[number];
export type Pins = Partial<Record<PinPath, string>>;

export interface RestoredWizard {
  values: WizardValues;
  /** form paths the admin had changed: what CMS holds does not replace them when the space is read again */
  edited: string[];
  /** PIN fields that held a value this tab no longer has (a reload) */
  missingPins: PinPath[];
}

const storedSchema = z.object({
  version: z.literal(1),
  values: z.record(z.string(), z.unknown()),
  edited: z.array(z.string()),
  pins: z.array(z.enum(PIN_PATHS)),
});

/** One wizard's entry: per scenario, per `?space=` it was opened on. */
export function wizardSessionKey(scenario: WizardScenarioId, spaceId: string | undefined): string {
  return `cms-access-studio:wizard:${scenario}:${spaceId?.trim().toLowerCase() || 'new'}`;
}

function pinOf(values: WizardValues, path: PinPath): string {
  return (path === 'space.passcode' ? values.space.passcode : values.access.passcode) ?? '';
}

function withPin(values: WizardValues, path: PinPath, pin: string): void {
  if (path === 'space.passcode') values.space.passcode = pin;
  else values.access.passcode = pin;
}

/** What goes to sessionStorage (no PIN in it) and what stays in memory (the PINs). */
export function storedForm(values: WizardValues, edited: readonly string[]): { text: string; pins: Pins } {
  const copy = structuredClone(values);
  const pins: Pins = {};
  for (const path of PIN_PATHS) {
    const pin = pinOf(values, path);
    if (pin === '') continue;
    pins[path] = pin;
    withPin(copy, path, '');
  }
  const stored: z.input<typeof storedSchema> = { version: 1, values: { ...copy }, edited: [...edited], pins: Object.keys(pins).filter(isPinPath) };
  // A setting the admin unset ("not set: inherit") is undefined in the form: null keeps it unset across the reload.
  return { text: JSON.stringify(stored, (_key, value: unknown) => (value === undefined ? null : value)), pins };
}

const isPinPath = (path: string): path is PinPath => (PIN_PATHS as readonly string[]).includes(path);
const CALL_LEG_SETTING = /^profiles\.(guest|host)\.(settings|advanced)\.([^.]+)$/;

/** A path the form has: one the wizard describes, and for a profile setting a parameter CMS has. */
function knownPath(path: string): boolean {
  const setting = CALL_LEG_SETTING.exec(path)?.[3];
  return isWizardPath(path) && (setting === undefined || Object.hasOwn(callLegProfileParams, setting));
}
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isLeaf = (value: unknown) => typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

/**
 * `stored` laid over `base`: a value is taken where it has the type the base has there, or, where
 * the base has nothing, when the path is a field the wizard describes (a picked profile's id, an
 * advanced setting); null unsets. Anything else in the stored text is dropped.
 */
function overlay(base: Record<string, unknown>, stored: Record<string, unknown>, prefix: string): void {
  for (const [key, value] of Object.entries(stored)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    const had = base[key];
    if (isRecord(had) && isRecord(value)) overlay(had, value, path);
    else if (value === null && (isLeaf(had) || had === undefined) && knownPath(path)) delete base[key];
    else if (had === undefined ? isLeaf(value) && knownPath(path) : isLeaf(had) && typeof had === typeof value) base[key] = value;
    else if (path === 'members' && Array.isArray(value)) {
      base[key] = value.filter(isRecord).map((row, index) => {
        const member: Record<string, unknown> = { ...newMember() };
        overlay(member, row, `members.${index}`);
        return member;
      });
    }
  }
}

/** The stored wizard, laid over a blank form of the scenario; undefined when there is none, or it is not this scenario's. */
export function restoredForm(scenario: WizardScenarioId, text: string | null, memory: Pins | undefined): RestoredWizard | undefined {
  if (text === null) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = storedSchema.safeParse(json);
  if (!parsed.success || parsed.data.values.scenario !== scenario) return undefined;
  const values = blankValues(scenario);
  overlay(values, parsed.data.values, '');
  const missingPins: PinPath[] = [];
  for (const path of parsed.data.pins) {
    const pin = memory?.[path];
    if (pin) withPin(values, path, pin);
    else missingPins.push(path);
  }
  return { values, edited: parsed.data.edited.filter(isWizardPath), missingPins };
}
