import { z } from 'zod';
import type { ChangeStep } from '../../api/changes/types';
import { callLegProfileParams } from '../../api/params/call-leg-profile';
import { callProfileParams } from '../../api/params/call-profile';
import { accessMethodTemplateParams, coSpaceTemplateParams, URI_GENERATOR } from '../../api/params/co-space-template';
import { paramTextField } from '../../api/params/write-schema';
import { isGuid } from '../../api/wire/ids';
import { WIZARD_SCENARIOS, type WizardScenarioId } from '../../lib/wizard-links';
import { patternLimits } from './pattern-limits';
import { findTwin, type ProfileSettings } from './profile-twin';
import { GUIDE_GUEST_SETTINGS, GUIDE_HOST_SETTINGS } from '../space-planning/wizard-schema';

/**
 * A guest/host pattern (the four wizard scenarios of the guide) as CMS's own space template (2.9+):
 * the guest callLegProfile (and, for the blank guest PIN, the callProfile) on the coSpaceTemplate,
 * one accessMethodTemplate with the host callLegProfile, a uriGenerator and generateUniqueCallId.
 * What a template cannot carry (PINs, a member's profile) is said by `patternLimits`.
 */

/** The guide's callProfile for a blank guest PIN (scenario 3): no entry within 5 seconds counts as blank. */
export const GUIDE_BLANK_PIN_CALL_PROFILE = { passcodeMode: 'timeout', passcodeTimeout: 5 } as const;

/** '' = the guide's settings (an identical profile is reused, else one is created); otherwise the id of the profile to use. */
const profileChoice = (what: string) =>
  z
    .string()
    .trim()
    .refine((text) => text === '' || isGuid(text), { error: `Choose the ${what}, or leave it on the guide's settings.` });

const uriGenerator = z
  .string()
  .trim()
  .superRefine((text, ctx) => {
    if (text === '') return;
    if (!URI_GENERATOR.test(text)) {
      ctx.addIssue({ code: 'custom', message: "Use letters, digits, '.', '-', '_' and exactly one '$' (the space's URI), e.g. $.host." });
    } else if (text === '$') {
      // blueprint "duplicateCoSpaceUriPasscode": same URI and the same (empty) passcode as the space.
      ctx.addIssue({
        code: 'custom',
        message: "'$' alone gives hosts the space's own URI with no PIN (templates carry none), which CMS refuses (duplicateCoSpaceUriPasscode). Add text around it, e.g. $.host, or leave it empty.",
      });
    }
  });

export const patternTemplateSchema = z.object({
  pattern: z.enum(WIZARD_SCENARIOS, { error: 'Choose a guest/host pattern.' }),
  name: paramTextField(coSpaceTemplateParams.name, { what: 'template name', whenEmpty: 'Enter a name for the template, e.g. Guests wait for a host.' }),
  description: z.string().trim(),
  guestProfile: profileChoice('guest call leg profile'),
  hostProfile: profileChoice('host call leg profile'),
  /** blank-guest-pin only */
  callProfile: profileChoice('call profile'),
  hostMethodName: paramTextField(accessMethodTemplateParams.name, { what: 'access method name', whenEmpty: 'Enter a name for the host access method, e.g. Host.' }),
  uriGenerator,
  generateUniqueCallId: z.boolean(),
}).superRefine((value, ctx) => {
  if (!value.generateUniqueCallId && value.uriGenerator.trim() === '') {
    ctx.addIssue({
      code: 'custom',
      path: ['generateUniqueCallId'],
      message: 'With no uriGenerator and no call ID of its own, the host access method of a new space could not be dialled: give it one or both.',
    });
  }
});

export type PatternTemplateValues = z.input<typeof patternTemplateSchema>;
export type PatternTemplateInput = z.output<typeof patternTemplateSchema>;

const NAMES: Record<WizardScenarioId, string> = {
  'different-uris': 'Guests and hosts dial different URIs',
  'same-uri-two-pins': 'Same URI, guest and host PINs',
  'blank-guest-pin': 'Same URI, blank guest PIN',
  'members-are-hosts': 'Members are hosts',
};

/** What the form starts with for a pattern: the guide's profiles, and a host way in CMS can make for every space. */
export function patternDefaults(pattern: WizardScenarioId): PatternTemplateValues {
  return {
    pattern,
    name: NAMES[pattern],
    description: '',
    guestProfile: '',
    hostProfile: '',
    callProfile: '',
    hostMethodName: 'Host',
    uriGenerator: pattern === 'different-uris' ? '$.host' : '',
    generateUniqueCallId: true,
  };
}

/** Every callLegProfile and callProfile of the CMS, with all their settings (as read in full). */
export interface KnownProfiles {
  callLegProfiles: ReadonlyArray<{ id: string } & ProfileSettings>;
  callProfiles: ReadonlyArray<{ id: string } & ProfileSettings>;
}

export type ProfileRole = 'guest' | 'host' | 'callProfile';

export interface PlannedProfile {
  role: ProfileRole;
  /** chosen: the admin picked it; reused: it has exactly the guide's settings; create: the run makes it */
  mode: 'chosen' | 'reused' | 'create';
  id?: string;
  settings: ProfileSettings;
}

export interface TemplatePlan {
  steps: ChangeStep[];
  profiles: PlannedProfile[];
  /** what the pattern needs that a CMS template cannot express, in plain words */
  limits: string[];
  /** a chosen profile that does not fit its role: the field and the sentence */
  problems: Array<{ field: 'guestProfile' | 'hostProfile' | 'callProfile'; message: string }>;
}

const STEP_KEY: Record<ProfileRole, string> = { guest: 'guestProfile', host: 'hostProfile', callProfile: 'callProfile' };

function planProfile(role: ProfileRole, chosen: string, wanted: ProfileSettings, known: KnownProfiles): { planned: PlannedProfile; step?: ChangeStep } {
  const list = role === 'callProfile' ? known.callProfiles : known.callLegProfiles;
  if (chosen !== '') {
    const profile = list.find((p) => p.id.toLowerCase() === chosen.toLowerCase());
    return { planned: { role, mode: 'chosen', id: chosen.toLowerCase(), settings: profile ?? {} } };
  }
  const table = role === 'callProfile' ? callProfileParams : callLegProfileParams;
  const twin = findTwin(table, list, wanted);
  if (twin) return { planned: { role, mode: 'reused', id: twin.id.toLowerCase(), settings: wanted } };
  const key = STEP_KEY[role];
  const title = role === 'callProfile' ? "Create the call profile (the guide's blank guest PIN)" : `Create the ${role} call leg profile (the guide's settings)`;
  const step: ChangeStep =
    role === 'callProfile'
      ? { key, title, operation: { op: 'createCallProfile', form: { ...GUIDE_BLANK_PIN_CALL_PROFILE } }, creates: key }
      : { key, title, operation: { op: 'createCallLegProfile', form: role === 'guest' ? { ...GUIDE_GUEST_SETTINGS } : { ...GUIDE_HOST_SETTINGS } }, creates: key };
  return { planned: { role, mode: 'create', settings: wanted }, step };
}

function roleProblem(planned: PlannedProfile): TemplatePlan['problems'][number] | undefined {
  if (planned.mode !== 'chosen' || planned.role === 'callProfile') return undefined;
  const field = planned.role === 'guest' ? 'guestProfile' : 'hostProfile';
  const wants = planned.role === 'guest';
  if ((planned.settings.needsActivation === true) === wants) return undefined;
  return wants
    ? { field, message: 'A guest profile must have needsActivation = true, so guests wait for a host; this one does not.' }
    : { field, message: 'A host profile must have needsActivation = false (or it would wait for a host itself); this one does not.' };
}

const refOrId = (planned: PlannedProfile) => (planned.id ?? { ref: STEP_KEY[planned.role] });

/** The writes that make the template, with the guide's profiles reused where CMS has identical ones. Pure. */
export function planPatternTemplate(input: PatternTemplateInput, known: KnownProfiles): TemplatePlan {
  const guest = planProfile('guest', input.guestProfile, GUIDE_GUEST_SETTINGS, known);
  const host = planProfile('host', input.hostProfile, GUIDE_HOST_SETTINGS, known);
  const call = input.pattern === 'blank-guest-pin' ? planProfile('callProfile', input.callProfile, GUIDE_BLANK_PIN_CALL_PROFILE, known) : undefined;
  const profiles = [guest, host, ...(call ? [call] : [])];
  const steps = profiles.flatMap((p) => (p.step ? [p.step] : []));
  steps.push({
    key: 'template',
    title: `Create the space template “${input.name}”`,
    operation: {
      op: 'createCoSpaceTemplate',
      form: {
        name: input.name,
        ...(input.description === '' ? {} : { description: input.description }),
        callLegProfile: refOrId(guest.planned),
        ...(call ? { callProfile: refOrId(call.planned) } : {}),
      },
    },
    creates: 'template',
  });
  steps.push({
    key: 'hostMethod',
    title: `Add the host access method template “${input.hostMethodName}”`,
    operation: {
      op: 'createAccessMethodTemplate',
      template: { ref: 'template' },
      form: {
        name: input.hostMethodName,
        ...(input.uriGenerator === '' ? {} : { uriGenerator: input.uriGenerator }),
        callLegProfile: refOrId(host.planned),
        generateUniqueCallId: input.generateUniqueCallId,
      },
    },
    creates: 'hostMethod',
  });
  const problems = profiles.map((p) => roleProblem(p.planned)).filter((p) => p !== undefined);
  return { steps, profiles: profiles.map((p) => p.planned), limits: patternLimits(input), problems };
}
