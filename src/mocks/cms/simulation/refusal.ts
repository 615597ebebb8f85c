import { z } from 'zod';
import type { SimulationField } from '../../../api/wire/simulation-contract';

/** A simulated join the Call Bridge would turn away, with the form field it concerns. */
export class Refusal extends Error {
  constructor(
    message: string,
    readonly field?: SimulationField,
    readonly status = 400,
  ) {
    super(message);
  }
}

export const dialInBody = z.object({
  uri: z.string().trim().optional(),
  callId: z.string().trim().optional(),
  pin: z.string().trim().optional(),
  name: z.string().trim().max(200).optional(),
  via: z.enum(['sip', 'webrtc']).optional(),
});
export const signInBody = z.object({ spaceId: z.string().trim().min(1), userJid: z.string().trim().min(1) });
export const createSpaceBody = z.object({
  userJid: z.string().trim().min(1),
  coSpaceTemplate: z.string().trim().min(1),
  name: z.string().trim().min(1).max(200),
  uri: z.string().trim().min(1).optional(),
});

const FIELDS = ['uri', 'callId', 'pin', 'userJid', 'spaceId', 'via', 'name', 'coSpaceTemplate'] as const;

export function parseBody<S extends z.ZodType>(schema: S, raw: string): z.output<S> {
  let value: unknown = {};
  if (raw.trim() !== '') {
    try {
      value = JSON.parse(raw);
    } catch {
      throw new Refusal('The body must be JSON.');
    }
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = typeof issue?.path[0] === 'string' ? issue.path[0] : undefined;
  const asField = FIELDS.find((k) => k === field);
  throw new Refusal(`${field ?? 'The body'}: ${issue?.message ?? 'not understood'}.`, asField);
}
