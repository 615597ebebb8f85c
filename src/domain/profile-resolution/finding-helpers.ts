import type { JoinPath, SpaceModel, WizardScenario } from './model';

/** The words support staff use for a level in a sentence. */
export function scopeName(scope: string): string {
  switch (scope) {
    case 'global':
      return 'system (global)';
    case 'coSpace':
      return 'space';
    case 'accessMethod':
      return 'access method';
    case 'coSpaceUser':
      return 'member';
    case 'default':
      return 'CMS default';
    default:
      return scope;
  }
}

/** `uri:<lower case>` or `callId:<digits>`: an address as CMS compares them. */
export type AddressKey = string;

export const addressLabel = (address: AddressKey) => (address.startsWith('uri:') ? address.slice(4) : `call ID ${address.slice(7)}`);

export function addressesOf(path: Pick<JoinPath, 'uri' | 'callId'>): AddressKey[] {
  const out: AddressKey[] = [];
  if (path.uri) out.push(`uri:${path.uri.toLowerCase()}`);
  if (path.callId) out.push(`callId:${path.callId}`);
  return out;
}

export const isSpaceAddress = (path: JoinPath) => path.kind === 'spaceUri' || path.kind === 'spaceSecondaryUri' || path.kind === 'spaceCallId';

/** The wizard that builds what this access method is part of: one URI with two PINs, a blank guest PIN, or its own URI. */
export function scenarioForAccessMethod(model: SpaceModel, path: JoinPath): WizardScenario {
  const { space } = model;
  const spaceAddresses = addressesOf({ uri: space.uri, callId: space.callId });
  if (space.secondaryUri) spaceAddresses.push(`uri:${space.secondaryUri.toLowerCase()}`);
  if (!addressesOf(path).some((a) => spaceAddresses.includes(a))) return 'different-uris';
  return (space.passcode ?? '') === '' ? 'blank-guest-pin' : 'same-uri-two-pins';
}

export interface AddressGroup {
  address: AddressKey;
  paths: JoinPath[];
}

/** Space and access-method paths by the URI (any case) or call ID they answer. */
export function groupByAddress(paths: readonly JoinPath[]): AddressGroup[] {
  const groups = new Map<AddressKey, JoinPath[]>();
  for (const path of paths) {
    if (path.kind === 'member') continue;
    for (const address of addressesOf(path)) {
      const list = groups.get(address);
      if (list === undefined) groups.set(address, [path]);
      else list.push(path);
    }
  }
  return [...groups].map(([address, list]) => ({ address, paths: list }));
}

/** The level of the path's own access method or member, when it has a profile. */
export function ownLevelOf(path: JoinPath) {
  const scope = path.kind === 'accessMethod' ? 'accessMethod' : path.kind === 'member' ? 'coSpaceUser' : undefined;
  return scope === undefined ? undefined : path.levels.find((level) => level.scope === scope);
}
