import { z } from 'zod';
import { dialledAddress } from '../../domain/space-evaluation/dial-plan';

/**
 * What the Find box looks up. One text, as a caller dialled or a person typed it, read this way:
 * - `sip:host.space@example.com` (a scheme): a dialled URI only; its user part is looked up.
 * - `user1@evacanoalone.net` (an @, no scheme): a dialled URI (its user part) and a user's JID.
 * - `888` (digits only, an optional closing #): a call ID, and a numeric URI (an E.164 secondary URI).
 * - `host.space` (anything else): a URI user part.
 * A PIN follows the word PIN (`888 PIN 1234`, `guestpin.space pin #`) or goes in the PIN field;
 * `#` alone is a blank PIN (the caller pressed # at the prompt). No PIN: none entered.
 */
export interface DialledSearch {
  /** the text as typed, trimmed */
  text: string;
  /** the URI user part to look up, lower case, as CMS stores it (digits too: a numeric URI) */
  uri: string;
  callId?: string;
  /** a user's JID, lower case */
  jid?: string;
  /** as the dial planner reads it: undefined none entered, '#' a blank PIN, digits */
  pin?: string;
}

export type DialledParse = { ok: true; search: DialledSearch } | { ok: false; field: 'query' | 'pin'; message: string };

const INLINE_PIN = /^(\S+)(?:\s*[,;]\s*|\s+)(?:pin|passcode)\s*[:=]?\s*(\S*)$/i;
const URI_USER_PART = /^[^\s@:;<>"]+$/;

/** `1234`, `1234#` → `1234`; `#` → `#` (blank); '' → undefined; anything else → null (not a PIN). */
function pinOf(text: string): string | undefined | null {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (trimmed === '#') return '#';
  const digits = trimmed.replace(/#$/, '');
  return /^\d+$/.test(digits) ? digits : null;
}

function addressOf(address: string): DialledSearch | { error: string } {
  const scheme = /^sips?:/i.test(address);
  const bare = address.replace(/^sips?:/i, '');
  if (!scheme && /^\d+#?$/.test(bare)) {
    const digits = bare.replace(/#$/, '');
    return { text: address, callId: digits, uri: digits };
  }
  const uri = dialledAddress({ by: 'uri', address });
  if (uri === '') return { error: 'The URI has no user part: type what comes before the @.' };
  if (!URI_USER_PART.test(uri)) return { error: 'A URI user part has no spaces and none of : ; < > ".' };
  const hasDomain = bare.includes('@');
  if (hasDomain && !/^[^@\s]+@[^@\s]+$/.test(bare)) return { error: 'A URI or JID has one @, with something on each side.' };
  return { text: address, uri, ...(!scheme && hasDomain ? { jid: bare.toLowerCase() } : {}) };
}

/** Reads the Find box and its optional PIN field; a refusal names the field to fix. */
export function parseDialled(query: string, pinField = ''): DialledParse {
  const text = query.trim();
  if (text === '') return { ok: false, field: 'query', message: 'Type what the caller dialled: a URI, a call ID, or a user’s JID.' };
  const inline = INLINE_PIN.exec(text);
  const address = inline?.[1] ?? text;
  if (/\s/.test(address)) return { ok: false, field: 'query', message: 'Put a PIN after the word PIN (888 PIN 1234), or in the PIN field.' };

  const inlinePin = inline ? pinOf(inline[2] ?? '') : undefined;
  if (inline && (inlinePin === null || inlinePin === undefined)) {
    return { ok: false, field: 'query', message: 'After PIN comes the PIN: digits, or # for a blank PIN.' };
  }
  const fieldPin = pinOf(pinField);
  if (fieldPin === null) return { ok: false, field: 'pin', message: 'A PIN is digits, or # for a blank PIN.' };
  if (inlinePin !== undefined && fieldPin !== undefined && inlinePin !== fieldPin) {
    return { ok: false, field: 'pin', message: `The search already gives PIN ${inlinePin}: leave this empty or give the same PIN.` };
  }

  const parsed = addressOf(address);
  if ('error' in parsed) return { ok: false, field: 'query', message: parsed.error };
  const pin = inlinePin ?? fieldPin;
  return { ok: true, search: { ...parsed, text, ...(pin !== undefined ? { pin } : {}) } };
}

/** The Find form; its refusals come from the parser, on the field they concern. */
export const findFormSchema = z
  .object({ query: z.string(), pin: z.string(), via: z.enum(['sip', 'webrtc']) })
  .superRefine((values, ctx) => {
    const parsed = parseDialled(values.query, values.pin);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', path: [parsed.field], message: parsed.message });
  });
export type FindForm = z.infer<typeof findFormSchema>;

/** What the search looked for, in words: “URI host.space”, “call ID 888 (or the URI 888)”. */
export function describeSearch(search: DialledSearch): string {
  const what = search.callId !== undefined ? `call ID ${search.callId} (or the numeric URI ${search.uri})` : `URI ${search.uri}`;
  const pin = search.pin === undefined ? 'no PIN entered' : search.pin === '#' ? 'a blank PIN (#)' : `PIN ${search.pin}`;
  return `${what}, ${pin}${search.jid ? `; and the user ${search.jid}` : ''}`;
}
