/** A space that uses a URI, as uriUsageQuery names it, with how (when a space list told us). */
export interface UriHolder {
  spaceId: string;
  spaceName?: string;
  /** true: its own URI or secondary URI; false: one of its access methods; undefined: not known */
  ownUri?: boolean;
}

export interface UriUse {
  spaces: readonly UriHolder[];
  ivrIds: readonly string[];
}

function label(holder: UriHolder): string {
  return holder.spaceName ? `the space "${holder.spaceName}" (${holder.spaceId})` : `the space ${holder.spaceId}`;
}

/**
 * Why a URI cannot go on the space being set up: another space (or one of its access methods)
 * holds it, or an IVR answers it. `self` is the space being set up (undefined when creating).
 */
export function uriClash(uri: string, use: UriUse, self: string | undefined): string | undefined {
  const other = use.spaces.find((h) => h.spaceId.toLowerCase() !== self?.toLowerCase());
  if (other) {
    const how = other.ownUri === true ? 'the URI of' : other.ownUri === false ? 'used by an access method of' : 'used by';
    return `The URI "${uri}" is already ${how} ${label(other)}. A URI can lead to one space only; choose another.`;
  }
  const ivr = use.ivrIds[0];
  if (ivr) return `The URI "${uri}" is the URI of the IVR ${ivr}: callers dialling it would reach the IVR. Choose another.`;
  return undefined;
}
