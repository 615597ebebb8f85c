import type { AccessMethod, CoSpaceUser } from '../../api/params/schemas';

const present = (value: string | undefined): value is string => value !== undefined && value !== '';

/** "PIN 1234" or "no PIN": what a caller on this way in must enter. */
export function pinStatus(passcode: string | undefined): string {
  return present(passcode) ? `PIN ${passcode}` : 'no PIN';
}

/**
 * An access method as support staff tell it apart from its siblings: its name when it has one,
 * then URI, call ID and PIN. Several access methods often share one URI and differ only by PIN.
 */
export function accessMethodLabel(method: Pick<AccessMethod, 'name' | 'uri' | 'callId' | 'passcode'> & { id?: string }): string {
  const address = [present(method.uri) ? method.uri : undefined, present(method.callId) ? `call ID ${method.callId}` : undefined].filter(
    (part): part is string => part !== undefined,
  );
  const details = [...address, pinStatus(method.passcode)];
  if (present(method.name)) return `Access method “${method.name}” (${details.join(', ')})`;
  if (address.length === 0) return `Access method ${method.id ?? ''} (${details.join(', ')})`.replace('  ', ' ');
  const [first, ...rest] = details;
  return `Access method ${first} (${rest.join(', ')})`;
}

/** "user1@example.com", else the user id or the member's own id. */
export function memberName(member: Pick<CoSpaceUser, 'userJid' | 'userId'> & { id: string }): string {
  return present(member.userJid) ? member.userJid : present(member.userId) ? member.userId : member.id;
}

export function memberLabel(member: Pick<CoSpaceUser, 'userJid' | 'userId'> & { id: string }): string {
  return `Member ${memberName(member)}`;
}
