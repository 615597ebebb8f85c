import type { JoinAnswer } from '../../../api/wire/simulation-contract';
import { join } from './join';
import { parseBody, Refusal, signInBody } from './refusal';
import { quote, type SimState } from './state';
import { callJson, legJson } from './view';

/** A user signs in to the web app and joins a space: as a member if they are one, else as a visitor. */
export function signIn(state: SimState, raw: string): JoinAnswer {
  const { store } = state;
  const body = parseBody(signInBody, raw);
  const space = store.get('coSpace', body.spaceId);
  if (!space) throw new Refusal(`No space has id ${body.spaceId}.`, 'spaceId', 404);
  const jid = body.userJid.toLowerCase();
  const user = store.all('user').find((u) => String(u.values.userJid ?? '').toLowerCase() === jid);
  if (!user) throw new Refusal(`No user ${body.userJid} exists on this CMS: only users it knows (imported from LDAP) can sign in to the web app.`, 'userJid');
  const member = store
    .all('coSpaceUser', space.id)
    .find((m) => m.values.userId === user.id || String(m.values.userJid ?? '').toLowerCase() === jid);
  const spaceName = quote(space.values.name);
  const userJid = String(user.values.userJid ?? body.userJid);
  if (!member && space.values.nonMemberAccess === false) {
    throw new Refusal(`${userJid} is not a member of ${spaceName}, which does not let non-members in (nonMemberAccess is false).`, 'userJid');
  }
  const { leg, call } = join(state, {
    space,
    name: String(user.values.name ?? userJid),
    remoteParty: userJid,
    connection: 'webrtc',
    via: member ? 'member' : 'space',
    path: member ? `Member ${userJid} (web app)` : `${userJid} in the web app, not a member`,
    ...(member ? { coSpaceUser: member.id } : {}),
  });
  const ivr = member
    ? `Signed in to the web app as ${userJid}, a member of ${spaceName}: joined from the space list, no call ID or passcode asked.`
    : `Signed in to the web app as ${userJid}, who is not a member of ${spaceName}: joined like any visitor, through the space's own settings.`;
  return { leg: legJson(state, leg), call: callJson(state, call), ivr };
}
