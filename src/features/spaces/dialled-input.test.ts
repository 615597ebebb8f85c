import { describe, expect, it } from 'vitest';
import { findFormSchema, parseDialled } from './dialled-input';

const search = (query: string, pin?: string) => {
  const parsed = parseDialled(query, pin);
  if (!parsed.ok) throw new Error(`refused: ${parsed.message}`);
  return parsed.search;
};
const refusal = (query: string, pin?: string) => {
  const parsed = parseDialled(query, pin);
  return parsed.ok ? undefined : [parsed.field, parsed.message];
};

describe('parseDialled', () => {
  it('reads a dialled URI with or without scheme and domain as its user part, in lower case', () => {
    expect(search('sip:Host.Space@example.com')).toEqual({ text: 'sip:Host.Space@example.com', uri: 'host.space' });
    expect(search('sips:host.space@example.com').uri).toBe('host.space');
    expect(search('  HOST.space ')).toEqual({ text: 'HOST.space', uri: 'host.space' });
  });

  it('takes an address with @ and no scheme as a dialled URI and as a user’s JID', () => {
    expect(search('User1@EvaCanoAlone.net')).toEqual({ text: 'User1@EvaCanoAlone.net', uri: 'user1', jid: 'user1@evacanoalone.net' });
    expect(search('sip:user1@evacanoalone.net').jid).toBeUndefined();
  });

  it('takes digits as a call ID and a numeric URI; a closing # is what the IVR asks for', () => {
    expect(search('888')).toEqual({ text: '888', callId: '888', uri: '888' });
    expect(search('888#')).toMatchObject({ callId: '888', uri: '888' });
    expect(search('sip:70000001@example.com')).toEqual({ text: 'sip:70000001@example.com', uri: '70000001' });
  });

  it('reads a PIN after the word PIN, or from the PIN field; # alone is a blank PIN', () => {
    expect(search('888 PIN 1234')).toEqual({ text: '888 PIN 1234', callId: '888', uri: '888', pin: '1234' });
    expect(search('888, pin: 1234#').pin).toBe('1234');
    expect(search('guestpin.space passcode #').pin).toBe('#');
    expect(search('888', '1234').pin).toBe('1234');
    expect(search('888', '#').pin).toBe('#');
    expect(search('888 PIN 1234', '1234').pin).toBe('1234');
    expect(search('888').pin).toBeUndefined();
    // A URI may contain "pin": only the word PIN after a space starts a PIN.
    expect(search('pinboard.space')).toEqual({ text: 'pinboard.space', uri: 'pinboard.space' });
  });

  it('refuses what no caller could dial, on the field to fix', () => {
    expect(refusal('')).toEqual(['query', 'Type what the caller dialled: a URI, a call ID, or a user’s JID.']);
    expect(refusal('888 1234')).toEqual(['query', 'Put a PIN after the word PIN (888 PIN 1234), or in the PIN field.']);
    expect(refusal('888 PIN')).toEqual(['query', 'After PIN comes the PIN: digits, or # for a blank PIN.']);
    expect(refusal('888 PIN 12a')).toEqual(['query', 'After PIN comes the PIN: digits, or # for a blank PIN.']);
    expect(refusal('888', 'abc')).toEqual(['pin', 'A PIN is digits, or # for a blank PIN.']);
    expect(refusal('888 PIN 1234', '5678')).toEqual(['pin', 'The search already gives PIN 1234: leave this empty or give the same PIN.']);
    expect(refusal('sip:@example.com')).toEqual(['query', 'The URI has no user part: type what comes before the @.']);
    expect(refusal('a;b')).toEqual(['query', 'A URI user part has no spaces and none of : ; < > ".']);
    expect(refusal('a@b@c')?.[0]).toBe('query');
  });
});

describe('findFormSchema', () => {
  it('puts the parser’s refusal on the field it concerns', () => {
    const result = findFormSchema.safeParse({ query: '888', pin: 'x', via: 'sip' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['pin', 'A PIN is digits, or # for a blank PIN.']]);
    expect(findFormSchema.safeParse({ query: 'host.space', pin: '', via: 'webrtc' }).success).toBe(true);
  });
});
