import { describe, expect, it } from 'vitest';
import { followedValue, LINKED_FIELDS, suggestedHostUri } from './linked-fields';

const [uriLink] = LINKED_FIELDS['same-uri-two-pins'];
const [, callIdLink] = LINKED_FIELDS['members-are-hosts'];

describe('the host URI following the space URI', () => {
  it('follows while it is empty or still the space’s previous URI (without case, user part only)', () => {
    expect(followedValue(uriLink!, '', 'lobby', '')).toBe('lobby');
    expect(followedValue(uriLink!, 'lobby', 'lobby1', 'Lobby')).toBe('lobby1');
    expect(followedValue(uriLink!, 'lobby1', 'lobby1@cms.lab', 'lobby1')).toBeUndefined();
    expect(followedValue(uriLink!, 'lobby1', 'sip:lobby2@cms.lab', 'lobby1')).toBe('lobby2');
  });
  it('stops once the admin typed a URI of their own', () => {
    expect(followedValue(uriLink!, 'lobby', 'lobby1', 'hosts.only')).toBeUndefined();
  });
  it('scenario 4 links the call ID too; scenario 1 links nothing', () => {
    expect(followedValue(callIdLink!, '12', '123', '12')).toBe('123');
    expect(followedValue(callIdLink!, '12', '123', '99')).toBeUndefined();
    expect(LINKED_FIELDS['different-uris']).toEqual([]);
    expect(LINKED_FIELDS['blank-guest-pin'].map((l) => l.to)).toEqual(['access.uri']);
  });
});

describe('scenario 1’s suggested host URI', () => {
  it('pairs with the space URI the way the guide does', () => {
    expect(suggestedHostUri('guest.space')).toBe('host.space');
    expect(suggestedHostUri('Guest2.space@cms.lab')).toBe('host2.space');
    expect(suggestedHostUri('lobby1.space')).toBe('host.lobby1.space');
    expect(suggestedHostUri('  ')).toBeUndefined();
  });
});
