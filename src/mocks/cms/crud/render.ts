import type { XmlBuildElement } from '../../../api/wire/xml';
import type { MockContext } from '../context';
import type { ResourceDef } from '../resources';
import type { Entity } from '../store';
import { entityElement, valueChildren } from '../wire';
import { renderCall, renderCallLeg } from './render-live';

/** Values CMS computes for a single-object GET (never for list items). */
function derived(ctx: MockContext, entity: Entity): Array<[string, string]> {
  if (entity.kind === 'coSpace') {
    const n = ctx.store.all('accessMethod', entity.id).length;
    return n > 0 ? [['numAccessMethods', String(n)]] : [];
  }
  return [];
}

export function renderEntity(ctx: MockContext, def: ResourceDef, entity: Entity, forList: boolean): XmlBuildElement {
  if (entity.kind === 'callLeg' && !forList) return renderCallLeg(ctx, entity);
  if (entity.kind === 'call' && !forList) return renderCall(ctx, entity);
  if (forList) return entityElement(entity, valueChildren(def.params, entity.values, def.listFields));
  const values = { ...entity.values };
  for (const name of def.emptyWhenUnset ?? []) values[name] ??= '';
  for (const [name, value] of derived(ctx, entity)) values[name] ??= value;
  return entityElement(entity, valueChildren(def.params, values, undefined, def.order));
}
