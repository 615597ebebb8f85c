import { z } from 'zod';
import type { DialInInput, SimulationField } from '../../api/wire/simulation-contract';
import type { Dial } from '../../domain/space-evaluation/dial-plan';

/** What the dial-in form holds; the request is built from it by `dialInput`. */
export const dialFormSchema = z
  .object({
    by: z.enum(['uri', 'callId']),
    address: z.string().trim(),
    pin: z.string().trim().regex(/^\d*#?$/, { error: 'A PIN is digits only, ended by #.' }),
    name: z.string().trim().max(100, { error: 'At most 100 characters.' }),
    via: z.enum(['sip', 'webrtc']),
  })
  .superRefine((form, ctx) => {
    if (form.address === '') {
      ctx.addIssue({ code: 'custom', path: ['address'], message: form.by === 'uri' ? 'Type the URI to dial.' : 'Type the call ID to dial.' });
    } else if (form.by === 'callId' && !/^\d+$/.test(form.address)) {
      ctx.addIssue({ code: 'custom', path: ['address'], message: 'A call ID is digits only.' });
    }
  });
export type DialForm = z.infer<typeof dialFormSchema>;

export const DIAL_DEFAULTS: DialForm = { by: 'uri', address: '', pin: '', name: '', via: 'sip' };

export const signInFormSchema = z.object({ userJid: z.string().min(1, { error: 'Pick a member.' }) });
export type SignInForm = z.infer<typeof signInFormSchema>;

/** Empty fields are not sent: an empty PIN means nothing was entered. */
export function dialInput(form: DialForm): DialInInput {
  return {
    ...(form.by === 'uri' ? { uri: form.address } : { callId: form.address }),
    ...(form.pin ? { pin: form.pin } : {}),
    ...(form.name ? { name: form.name } : {}),
    via: form.via,
  };
}

/** The form as the dial planner reads it. */
export function dialOf(form: Pick<DialForm, 'by' | 'address' | 'pin' | 'via'>): Dial {
  return { by: form.by, address: form.address, via: form.via, ...(form.pin ? { pin: form.pin } : {}) };
}

/** Where the mock's refusal belongs on the dial-in form. */
export function dialField(field: SimulationField | undefined): keyof DialForm | undefined {
  if (field === 'uri' || field === 'callId') return 'address';
  if (field === 'pin' || field === 'name' || field === 'via') return field;
  return undefined;
}
