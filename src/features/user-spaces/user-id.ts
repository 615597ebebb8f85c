import { z } from 'zod';
import { coSpaceParams } from '../../api/params/co-space';
import type { ParamDef } from '../../api/params/param-def';
import { valueProblem } from '../../api/params/write-schema';

/** The user id of a JID (`user1@evacanoalone.net` → `user1`), as CMS stores a URI user part: lower case. */
export function userIdOfJid(jid: string): string {
  const trimmed = jid.trim().replace(/^(sips?|xmpp):/i, '');
  const at = trimmed.indexOf('@');
  return (at >= 0 ? trimmed.slice(0, at) : trimmed).toLowerCase();
}

/** Whether CMS takes `text` for the parameter, as its table says. */
const fits = (def: ParamDef) => (text: string) => valueProblem(def, text) === undefined;
const URI_WORDS = 'A URI user part has no spaces and none of @ : ; < > ".';
const uriUserPart = z
  .string()
  .trim()
  .min(1, { error: 'Enter the URI user part.' })
  .refine(fits(coSpaceParams.uri), { error: URI_WORDS });
const optional = <T extends z.ZodType>(schema: T) => z.union([z.literal(''), schema]);

export const searchSchema = z.object({
  userId: z
    .string()
    .trim()
    .min(1, { error: 'Enter a user id, e.g. user1 or user1@evacanoalone.net.' })
    .refine((text) => fits(coSpaceParams.uri)(userIdOfJid(text)), { error: 'A user id has no spaces and none of : ; < > ".' }),
});

/** The POST of a user's space, as the provisioning lab builds it from the user record. */
export const createSchema = z.object({
  userJid: z.string().trim().min(1, { error: 'Pick the CMS user this space is for.' }),
  name: z.string().trim().min(1, { error: 'Enter a name for the space.' }),
  uri: uriUserPart,
  secondaryUri: optional(
    z
      .string()
      .trim()
      .regex(/^\+?\d+$/, { error: 'A phone number: digits only, optionally starting with +.' }),
  ),
});
export type CreateValues = z.infer<typeof createSchema>;
