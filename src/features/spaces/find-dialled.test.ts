import { describe, expect, it } from 'vitest';
import { listAllUserCoSpaces } from '../../api/resources/user-spaces';
import { findUserByJid } from '../../api/resources/users';
import { loadSpaceModel } from '../../domain/profile-resolution/load-space-model';
import type { DialPlan } from '../../domain/space-evaluation/dial-plan';
import { evaluateSpace } from '../../domain/space-evaluation/evaluate';
import { LAB, withMockCms } from '../../testing/mock-cms';
import { answerDialled } from './dialled-answer';
import { parseDialled } from './dialled-input';
import { cmsFindSources, findDialled } from './find-dialled';
import { answerMember } from './member-answer';

const { mock, server } = withMockCms();

async function find(query: string, pin = '', via: 'sip' | 'webrtc' = 'sip') {
  const parsed = parseDialled(query, pin);
  if (!parsed.ok) throw new Error(parsed.message);
  const found = await findDialled(parsed.search, cmsFindSources);
  const answers = found.spaces.map((space) => {
    if ('error' in space) throw new Error(space.error);
    return { id: space.id, by: space.by, answer: answerDialled(space.evaluation, parsed.search, via) };
  });
  return { located: found.located, answers };
}

const joined = (plan: DialPlan | undefined) => (plan?.outcome === 'joins' ? [plan.path.key, plan.role] : [plan?.outcome]);

/** Every request the mock CMS saw during `run`, as `METHOD /path`. */
async function requestsDuring(run: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const listener = ({ request }: { request: Request }) => void seen.push(`${request.method} ${new URL(request.url).pathname.replace('/api/v1/', '')}`);
  server.events.on('request:start', listener);
  try {
    await run();
  } finally {
    server.events.removeListener('request:start', listener);
  }
  return seen;
}

describe('findDialled (lab seed)', () => {
  it('finds Guest.space by its access method’s URI, dialled with scheme and domain: a host, no PIN asked', async () => {
    const { answers } = await find('sip:Host.Space@example.com');
    expect(answers).toHaveLength(1);
    const [found] = answers;
    expect(found?.id).toBe(LAB.coSpaces.guest);
    expect(found?.by).toEqual(['uri']);
    expect(joined(found?.answer?.plan)).toEqual([`accessMethod:${LAB.accessMethods.host}`, 'host']);
    expect(found?.answer?.plan).toMatchObject({ prompted: false, entry: 'No PIN is asked: only Access method host.space (call ID 888, no PIN) answers host.space, without a PIN.' });
  });

  it('finds the space by its own URI: a guest, who waits in the lobby', async () => {
    const { answers } = await find('guest.space');
    expect(answers.map((a) => a.id)).toEqual([LAB.coSpaces.guest]);
    const plan = answers[0]?.answer?.plan;
    expect(joined(plan)).toEqual(['space:uri', 'guest']);
    expect(plan?.outcome === 'joins' && plan.lobby).toMatch(/^Waits in the lobby/);
  });

  it('reads a shared URI at the PIN prompt: the host PIN reaches the host, silence the guest after passcodeTimeout', async () => {
    const host = await find('guestpin.space PIN 1234');
    expect(host.answers.map((a) => a.id)).toEqual([LAB.coSpaces.guestPin]);
    expect(joined(host.answers[0]?.answer?.plan)).toEqual([`accessMethod:${LAB.accessMethods.guestPinHost}`, 'host']);

    const silent = await find('guestpin.space');
    const answer = silent.answers[0]?.answer;
    expect(joined(answer?.plan)).toEqual(['space:uri', 'guest']);
    expect(answer?.plan.outcome === 'joins' && answer.plan.entry).toContain('after 5 s of silence it takes a blank PIN');
    expect(answer?.atPrompt.map((c) => [c.pin, ...joined(c.plan)])).toEqual([
      ['#', 'space:uri', 'guest'],
      ['1234', `accessMethod:${LAB.accessMethods.guestPinHost}`, 'host'],
    ]);
  });

  it('finds Global by a call ID with the host PIN; without a PIN the IVR keeps waiting (no passcodeMode)', async () => {
    const host = await find('1234', '12345');
    expect(host.answers.map((a) => [a.id, a.by])).toEqual([[LAB.coSpaces.global, ['callId']]]);
    expect(joined(host.answers[0]?.answer?.plan)).toEqual([`accessMethod:${LAB.accessMethods.globalHost}`, 'host']);

    const none = await find('1234');
    expect(none.answers[0]?.answer?.plan).toMatchObject({ outcome: 'refused', field: 'pin' });
    const blank = await find('1234 PIN #');
    expect(joined(blank.answers[0]?.answer?.plan)).toEqual(['space:callId', 'guest']);
    const web = await find('1234', '', 'webrtc');
    expect(joined(web.answers[0]?.answer?.plan)).toEqual(['space:callId', 'guest']);
  });

  it('says so when CMS routes a call ID only an access method has, since no CMS query names its space', async () => {
    const { located, answers } = await find('888');
    expect(answers).toEqual([]);
    expect(located.callIdRouted).toBe(true);
    const nowhere = await find('98765');
    expect(nowhere.answers).toEqual([]);
    expect(nowhere.located.callIdRouted).toBe(false);
  });

  it('asks uriUsageQuery per tenant: a tenant’s space is found only in its tenant', async () => {
    const { located, answers } = await find('acme.lobby PIN 2468');
    expect(located.uriScopes).toBe(2);
    expect(answers.map((a) => a.id)).toEqual([LAB.coSpaces.tenantLobby]);
    expect(joined(answers[0]?.answer?.plan)).toEqual([`accessMethod:${LAB.accessMethods.tenantHost}`, 'host']);
  });

  it('names an IVR that answers a URI, and a user whose JID has it', async () => {
    const ivr = await find('411');
    expect(ivr.answers).toEqual([]);
    expect(ivr.located.ivrIds).toEqual([LAB.support.ivr]);
    expect((await find('user1')).located.userIds).toEqual([LAB.users.user1]);
  });
});

describe('findDialled on 2,000 spaces', () => {
  it('locates and evaluates one space with a handful of requests, whatever the number of spaces', async () => {
    mock.reset('large:2000');
    const seen = await requestsDuring(async () => {
      const { answers } = await find('space.1230', '9999');
      expect(joined(answers[0]?.answer?.plan)[1]).toBe('host');
      const byCallId = await find('100001231');
      expect(joined(byCallId.answers[0]?.answer?.plan)).toEqual(['refused']);
    });
    const spaceLists = seen.filter((r) => r === 'GET coSpaces');
    // One filtered page for the call ID; the URI needs none: uriUsageQuery names the space.
    expect(spaceLists).toHaveLength(1);
    expect(seen.length).toBeLessThan(30);
  });
});

describe('a user’s spaces', () => {
  async function memberships(jid: string) {
    const user = await findUserByJid(jid);
    if (!user?.id) return undefined;
    const { items } = await listAllUserCoSpaces(user.id);
    return Promise.all(
      items.map(async ({ coSpaceId }) => {
        const { plan, owner } = answerMember(evaluateSpace(await loadSpaceModel(coSpaceId)), { jid, id: user.id });
        return [coSpaceId, ...joined(plan), owner];
      }),
    );
  }

  it('lists every space a user is a member of, with the role they join with signed in, and whether they own it', async () => {
    // user1 joins Guest.space too, as a member without a profile of their own: the space's guest profile applies.
    mock.store.insert('coSpaceUser', { userId: LAB.users.user1, userJid: 'user1@evacanoalone.net', autoGenerated: false }, { id: 'b0000000-0000-4000-8000-000000000001', parent: LAB.coSpaces.guest });
    const spaces = await memberships('USER1@evacanoalone.net');
    expect(spaces?.sort()).toEqual(
      [
        [LAB.coSpaces.global, `member:${LAB.coSpaceUsers.globalUser1}`, 'host', true],
        [LAB.coSpaces.guest, 'member:b0000000-0000-4000-8000-000000000001', 'guest', false],
      ].sort(),
    );
  });

  it('finds no membership for an owner who is not a member, and no user for an unknown JID', async () => {
    // Guest@cms.steven.lab owns Guest.space but belongs to no space: CMS lists spaces by member, not by owner.
    expect(await memberships('guest@cms.steven.lab')).toEqual([]);
    expect(await memberships('user1@evacanoalone')).toBeUndefined();
  });
});
