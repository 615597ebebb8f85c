import { callLegProfileParams } from '../../../api/params/call-leg-profile';
import type { XmlBuildElement } from '../../../api/wire/xml';
import type { MockContext } from '../context';
import { LEG_OVERRIDES } from '../profile-scopes';
import { resources, type ResourceDef } from '../resources';
import type { Entity } from '../store';
import { entityElement, valueChildren } from '../wire';

/** Values CMS computes for a single-object GET (never for list items). */
function derived(ctx: MockContext, entity: Entity): Array<[string, string]> {
  if (entity.kind === 'coSpace') {
    const n = ctx.store.all('accessMethod', entity.id).length;
    return n > 0 ? [['numAccessMethods', String(n)]] : [];
  }
  return [];
}

/** CMS prints a leg's own profile overrides inside <configuration>, its state inside <status>. */
function renderCallLeg(ctx: MockContext, leg: Entity): XmlBuildElement {
  const top = valueChildren(resources.callLeg.params, leg.values).filter(([n]) => !LEG_OVERRIDES.includes(n));
  const overrides = valueChildren(callLegProfileParams, leg.values, LEG_OVERRIDES);
  return entityElement(leg, [
    ...top,
    ['configuration', { children: overrides }],
    ['status', { children: [['state', 'connected'], ['deactivated', String(ctx.simulation.isDeactivated(leg))]] }],
  ]);
}

export function renderEntity(ctx: MockContext, def: ResourceDef, entity: Entity, forList: boolean): XmlBuildElement {
  if (entity.kind === 'callLeg' && !forList) return renderCallLeg(ctx, entity);
  if (forList) return entityElement(entity, valueChildren(def.params, entity.values, def.listFields));
  const values = { ...entity.values };
  for (const name of def.emptyWhenUnset ?? []) values[name] ??= '';
  for (const [name, value] of derived(ctx, entity)) values[name] ??= value;
  return entityElement(entity, valueChildren(def.params, values, undefined, def.order));
}
