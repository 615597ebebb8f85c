import { accessMethodLabel, memberLabel } from '../../domain/profile-resolution/labels';
import type { SpaceModel } from '../../domain/profile-resolution/model';

export type ProfileKind = 'callLegProfile' | 'callProfile';

export interface ProfileUse {
  kind: ProfileKind;
  id: string;
  /** where it is attached, in resolution order: "System", "Tenant Acme", "Space", "Access method host.space", … */
  usedBy: string[];
  missing: boolean;
}

const MAX_NAMED_USES = 5;

/** Every profile the space's levels reference, once, with where it is attached. */
export function referencedProfiles(model: SpaceModel): ProfileUse[] {
  const uses = new Map<string, ProfileUse & { extra: number }>();
  const add = (kind: ProfileKind, id: string | undefined, where: string) => {
    if (!id) return;
    const key = `${kind}:${id.toLowerCase()}`;
    let use = uses.get(key);
    if (!use) {
      use = { kind, id: id.toLowerCase(), usedBy: [], missing: model.missingProfiles.has(id.toLowerCase()), extra: 0 };
      uses.set(key, use);
    }
    if (use.usedBy.length < MAX_NAMED_USES) use.usedBy.push(where);
    else use.extra += 1;
  };
  add('callLegProfile', model.systemProfiles.callLegProfile, 'System');
  add('callProfile', model.systemProfiles.callProfile, 'System');
  const tenant = model.tenant ? `Tenant ${model.tenant.name ?? model.tenant.id}` : 'Tenant';
  add('callLegProfile', model.tenant?.callLegProfile, tenant);
  add('callProfile', model.tenant?.callProfile, tenant);
  add('callLegProfile', model.space.callLegProfile, 'Space');
  add('callProfile', model.space.callProfile, 'Space');
  for (const method of model.accessMethods) {
    add('callLegProfile', method.callLegProfile, accessMethodLabel(method));
  }
  for (const member of model.members) add('callLegProfile', member.callLegProfile, memberLabel(member));
  return [...uses.values()].map(({ extra, ...use }) => (extra > 0 ? { ...use, usedBy: [...use.usedBy, `${extra} more`] } : use));
}
