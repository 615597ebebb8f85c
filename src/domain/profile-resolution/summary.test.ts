import { describe, expect, it } from 'vitest';
import { joinPaths } from './join-paths';
import type { SpaceModel } from './model';
import { summarize } from './summary';
import { PROFILES, spaceModel } from './testing/space-model';

const summaryOf = (model: SpaceModel) => summarize(model, joinPaths(model));

describe('summarize', () => {
  it('counts guest ways in and names the host ones', () => {
    const model = spaceModel({
      space: { uri: 'team', secondaryUri: '7001', callId: '5001', callLegProfile: PROFILES.guest },
      accessMethods: [{ id: 'h', uri: 'team.host', passcode: '1', callLegProfile: PROFILES.host }],
      members: [
        { id: 'm1', userJid: 'a@x', callLegProfile: PROFILES.host },
        { id: 'm2', userJid: 'b@x', callLegProfile: PROFILES.host },
      ],
    });
    expect(summaryOf(model)).toBe('Guests (3 ways in) wait in the lobby until a host joins; hosts: 1 access method, 2 members.');
  });

  it('speaks in the singular for one way in', () => {
    const model = spaceModel({
      space: { uri: undefined, callId: '5001', callLegProfile: PROFILES.guest },
      accessMethods: [
        { id: 'h1', uri: 'h1', passcode: '1', callLegProfile: PROFILES.host },
        { id: 'h2', uri: 'h2', passcode: '2', callLegProfile: PROFILES.host },
      ],
      members: [{ id: 'm', userJid: 'a@x', callLegProfile: PROFILES.host }],
    });
    expect(summaryOf(model)).toBe('Guests (1 way in) wait in the lobby until a host joins; hosts: 2 access methods, 1 member.');
  });

  it('says when everyone is a host', () => {
    const model = spaceModel({ space: { uri: 'open', callId: '9' }, members: [{ id: 'm', userJid: 'a@x' }] });
    expect(summaryOf(model)).toBe("Everyone joins as a host (3 ways in: the space's URI and call ID, 1 member): nobody waits in a lobby.");
  });

  it('says when guests would wait forever', () => {
    const model = spaceModel({ space: { uri: 'lobby', callId: '1', callLegProfile: PROFILES.guest }, members: [{ id: 'm', userJid: 'a@x' }] });
    expect(summaryOf(model)).toBe('Guests (3 ways in) wait in the lobby, but there is no way in for a host: guests would wait forever.');
  });

  it('says when nobody can join', () => {
    expect(summaryOf(spaceModel({ space: { name: 'Empty', uri: undefined, callId: undefined } }))).toBe(
      'Nobody can join "Empty" yet: it has no URI, call ID, access method or member.',
    );
  });
});
