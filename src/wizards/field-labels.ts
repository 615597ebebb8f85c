const LABELS: Readonly<Record<string, string>> = {
  scenario: 'Scenario',
  'profiles.guest': 'Guest profile',
  'profiles.guest.mode': 'Guest profile',
  'profiles.guest.id': 'Guest profile',
  'profiles.host': 'Host profile',
  'profiles.host.mode': 'Host profile',
  'profiles.host.id': 'Host profile',
  'profiles.guestScope': 'Where the guest profile applies',
  'profiles.tenantId': 'Tenant',
  space: 'Space',
  'space.mode': 'Which space',
  'space.id': 'Space to change',
  'space.name': 'Space name',
  'space.uri': 'Space URI',
  'space.callId': 'Space call ID',
  'space.passcode': 'Guest PIN',
  'space.ownerJid': 'Owner',
  'space.nonMemberAccess': 'Non-member access',
  callProfile: 'Call profile',
  'callProfile.mode': 'Call profile',
  'callProfile.id': 'Call profile',
  'callProfile.passcodeMode': 'When a caller has no PIN',
  'callProfile.passcodeTimeout': 'Seconds before a blank PIN',
  access: 'Host access method',
  'access.uri': 'Host URI',
  'access.callId': 'Host call ID',
  'access.passcode': 'Host PIN',
  members: 'Members',
};

/** A form path in words, for error summaries: 'members.1.userJid' → 'Member 2'. */
export function fieldLabel(field: string): string {
  const known = LABELS[field];
  if (known) return known;
  const profile = /^profiles\.(guest|host)\.(settings|advanced)\.(.+)$/.exec(field);
  if (profile) return `${profile[1] === 'guest' ? 'Guest' : 'Host'} profile: ${profile[3]}`;
  const member = /^members\.(\d+)(?:\.(userJid|permissions\.(.+)))?$/.exec(field);
  if (member) {
    const n = Number(member[1]) + 1;
    return member[3] ? `Member ${n}: ${member[3]}` : `Member ${n}`;
  }
  return field;
}
