import type { WizardInput } from './wizard-schema';
import type { JoinCard } from './types';

export const DEFAULT_DOMAIN = 'example.com';

function pinText(pin: string, blank: string): string {
  return pin === '' ? blank : `enter PIN ${pin}`;
}

/** "How to join" per role, as the guide's Verify sections tell it: URI@domain, call ID, PIN. */
export function joinCards(input: WizardInput, domain: string = DEFAULT_DOMAIN): JoinCard[] {
  const at = (uri: string) => `${uri}@${domain}`;
  const { space, access } = input;
  const guestLines: string[] = [];
  const hostLines: string[] = [];

  switch (input.scenario) {
    case 'different-uris':
      guestLines.push(`Dial ${at(space.uri)}${space.passcode === '' ? ' (no PIN)' : ` and enter PIN ${space.passcode}`}.`);
      guestLines.push(`Or enter call ID ${space.callId} in the IVR or the web app${space.passcode === '' ? ' (no PIN)' : `, then PIN ${space.passcode}`}.`);
      hostLines.push(`Dial ${at(access.uri)}${access.passcode === '' ? ' (no PIN)' : ` and enter PIN ${access.passcode}`}.`);
      hostLines.push(`Or enter call ID ${access.callId} in the IVR or the web app${access.passcode === '' ? ' (no PIN)' : `, then PIN ${access.passcode}`}.`);
      break;
    case 'same-uri-two-pins':
      guestLines.push(`Dial ${at(space.uri)} and ${pinText(space.passcode, 'press # at the PIN prompt')}.`);
      guestLines.push(`Or enter call ID ${space.callId} in the IVR or the web app, then PIN ${space.passcode}.`);
      hostLines.push(`Dial ${at(access.uri)} and ${pinText(access.passcode, 'press # at the PIN prompt')}.`);
      hostLines.push(`Or enter call ID ${access.callId} in the IVR or the web app, then PIN ${access.passcode}.`);
      break;
    case 'blank-guest-pin': {
      const cp = input.callProfile;
      const wait =
        cp.mode === 'create' && cp.passcodeMode === 'timeout' && cp.passcodeTimeout !== undefined
          ? ` (or wait ${cp.passcodeTimeout} ${cp.passcodeTimeout === 1 ? 'second' : 'seconds'})`
          : cp.mode === 'create'
            ? ''
            : ' (or wait, if the call profile has a timeout)';
      guestLines.push(`Dial ${at(space.uri)} and press # at the PIN prompt${wait}.`);
      guestLines.push(`Or enter call ID ${space.callId} in the IVR or the web app (no PIN).`);
      guestLines.push('Pressing # or waiting applies to SIP and IVR callers, not the web app; it needs CMS 2.1 or later.');
      hostLines.push(`Dial ${at(access.uri)} and enter PIN ${access.passcode}.`);
      hostLines.push(`Or enter call ID ${access.callId} in the IVR or the web app, then PIN ${access.passcode}.`);
      break;
    }
    case 'members-are-hosts': {
      guestLines.push(`Dial ${at(space.uri)} and ${pinText(space.passcode, 'press # at the PIN prompt (no PIN)')}.`);
      guestLines.push(`Or enter call ID ${space.callId} in the IVR or the web app${space.passcode === '' ? ' (no PIN)' : `, then PIN ${space.passcode}`}.`);
      const signedIn = [input.space.ownerJid, ...input.members.map((m) => m.userJid)]
        .filter((jid): jid is string => jid !== undefined && jid.trim() !== '')
        .filter((jid, i, all) => all.findIndex((other) => other.toLowerCase() === jid.toLowerCase()) === i);
      for (const jid of signedIn) hostLines.push(`Sign in to the web app as ${jid} (a member) and join the space "${space.name}".`);
      hostLines.push(`Or dial ${at(access.uri)} and enter PIN ${access.passcode}.`);
      hostLines.push(`Or enter call ID ${access.callId} in the IVR or the web app, then PIN ${access.passcode}.`);
      if (input.space.nonMemberAccess === false) guestLines.unshift('Non-member access is off: only members can join.');
      break;
    }
  }
  guestLines.push('Guests wait in the lobby until a host joins.');
  return [
    { role: 'guest', title: 'How guests join', lines: guestLines },
    { role: 'host', title: 'How hosts join', lines: hostLines },
  ];
}
