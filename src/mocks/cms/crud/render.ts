import type { XmlBuildElement } from '../../../api/wire/xml';
import type { MockContext } from '../context';
import type { ResourceDef } from '../resources';
import type { Entity } from '../store';
import { entityElement, valueChildren } from '../wire';
import { renderCall, renderCallLeg } from './render-live';

/** Values CMS computes: numAccessMethods for a single space, numAccessMethodTemplates for a template (listed too). */
function derived(ctx: MockContext, entity: Entity, forList: boolean): Array<[string, string]> {
  if (entity.kind === 'coSpaceTemplate') return [['numAccessMethodTemplates', String(ctx.store.all('accessMethodTemplate', entity.id).length)]];
  if (entity.kind === 'coSpace' && !forList) {
    const n = ctx.store.all('accessMethod', entity.id).length;
    return n > 0 ? [['numAccessMethods', String(n)]] : [];
  }
  return [];
}

export function renderEntity(ctx: MockContext, def: ResourceDef, entity: Entity, forList: boolean): XmlBuildElement {
  if (entity.kind === 'callLeg' && !forList) return renderCallLeg(ctx, entity);
  if (entity.kind === 'call' && !forList) return renderCall(ctx, entity);
  const values = { ...entity.values };
  for (const [name, value] of derived(ctx, entity, forList)) values[name] ??= value;
  if (forList) return entityElement(entity, valueChildren(def.params, values, def.listFields));
  for (const name of def.emptyWhenUnset ?? []) values[name] ??= '';
  return entityElement(entity, valueChildren(def.params, values, undefined, def.order));
}
