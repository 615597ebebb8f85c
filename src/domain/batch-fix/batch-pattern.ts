import { z } from 'zod';
import { WIZARD_SCENARIOS } from '../../lib/wizard-links';
import { callProfileStepSchema, guestProfileSchema, hostProfileSchema } from '../space-planning/wizard-schema';

const digits = (what: string) => z.string().trim().regex(/^\d*$/, { error: `The ${what} may hold digits only.` });
const uriPart = (what: string) =>
  z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9._+-]*$/, { error: `The ${what} may hold letters, digits, ".", "_", "+" and "-" only.` });

/** Longest host PIN a rule may ask for (CMS passcodes are digit strings of moderate length). */
export const MAX_PIN_DIGITS = 12;

/**
 * How each space's host access method is worked out from the space itself: its URI with a prefix
 * and suffix (pattern "different URIs"; the other patterns use the space's URI), its call ID with
 * digits before and after (members-are-hosts uses the space's call ID), and a PIN of N random
 * digits, different from the guest PIN (0: no host PIN, allowed only where the pattern needs none).
 */
export const hostRuleSchema = z.object({
  uriPrefix: uriPart('URI prefix'),
  uriSuffix: uriPart('URI suffix'),
  callIdPrefix: digits('call ID prefix'),
  callIdSuffix: digits('call ID suffix'),
  pinDigits: z
    .number({ error: 'Enter how many digits the host PIN has.' })
    .int({ error: 'Enter a whole number of digits.' })
    .min(0, { error: 'The number of digits cannot be negative.' })
    .max(MAX_PIN_DIGITS, { error: `A host PIN of ${MAX_PIN_DIGITS} digits at most.` }),
});
export type HostRule = z.infer<typeof hostRuleSchema>;

/** One guest/host pattern applied to many existing spaces: the wizard's profile choices (guest profile on each space) and the host rule. */
export const batchPatternSchema = z
  .object({
    scenario: z.enum(WIZARD_SCENARIOS, { error: 'Choose a guest/host pattern.' }),
    profiles: z.object({ guest: guestProfileSchema, host: hostProfileSchema }),
    callProfile: callProfileStepSchema.shape.callProfile.optional(),
    host: hostRuleSchema,
  })
  .superRefine((value, ctx) => {
    if (value.scenario === 'blank-guest-pin' && value.callProfile === undefined) {
      ctx.addIssue({ code: 'custom', path: ['callProfile'], message: 'Reuse an existing call profile or create one.' });
    }
    if (value.scenario === 'different-uris' && value.host.uriPrefix === '' && value.host.uriSuffix === '') {
      ctx.addIssue({ code: 'custom', path: ['host', 'uriSuffix'], message: 'Hosts need their own URI: give a prefix or a suffix.' });
    }
    if (value.scenario !== 'members-are-hosts' && value.host.callIdPrefix === '' && value.host.callIdSuffix === '') {
      ctx.addIssue({ code: 'custom', path: ['host', 'callIdSuffix'], message: 'Hosts need their own call ID: give digits before or after the space call ID.' });
    }
    if (value.scenario !== 'different-uris' && value.host.pinDigits === 0) {
      ctx.addIssue({ code: 'custom', path: ['host', 'pinDigits'], message: 'In this pattern hosts are told apart by their PIN: give it 1 digit or more.' });
    }
  });
export type BatchPattern = z.output<typeof batchPatternSchema>;
export type BatchPatternValues = z.input<typeof batchPatternSchema>;

/** The host URI a rule gives a space: the pattern "different URIs" gets its own, the others share the space's. */
export function hostUriOf(pattern: Pick<BatchPattern, 'scenario' | 'host'>, spaceUri: string): string {
  if (pattern.scenario !== 'different-uris' || spaceUri === '') return spaceUri;
  return `${pattern.host.uriPrefix}${spaceUri}${pattern.host.uriSuffix}`;
}

/** The host call ID a rule gives a space; members-are-hosts keeps the space's. */
export function hostCallIdOf(pattern: Pick<BatchPattern, 'scenario' | 'host'>, spaceCallId: string): string {
  if (pattern.scenario === 'members-are-hosts' || spaceCallId === '') return spaceCallId;
  return `${pattern.host.callIdPrefix}${spaceCallId}${pattern.host.callIdSuffix}`;
}
