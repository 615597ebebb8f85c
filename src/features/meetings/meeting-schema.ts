import { z } from 'zod';

const remoteParty = z
  .string()
  .trim()
  .min(1, { error: 'Enter the address to dial: a SIP URI, a phone number or a user JID.' })
  .regex(/^\S+$/, { error: 'An address has no spaces.' });

/** A scheduled meeting as TMS starts it: a name, a passcode, the participants to dial out to. */
export const meetingSchema = z.object({
  name: z.string().trim().min(1, { error: 'Enter the meeting’s name: it becomes the space’s name.' }).max(200, { error: 'At most 200 characters.' }),
  passcode: z
    .string()
    .trim()
    .regex(/^\d+$/, { error: 'A passcode is digits only (callers type it on a keypad).' }),
  participants: z.array(z.object({ remoteParty })).max(20, { error: 'At most 20 dial-outs at once.' }),
});
export type MeetingValues = z.infer<typeof meetingSchema>;

export const dialOutSchema = z.object({ remoteParty });

export function randomPasscode(): string {
  const digits = crypto.getRandomValues(new Uint32Array(1))[0] ?? 0;
  return String(100_000 + (digits % 900_000));
}
