import type { MockContext } from '../context';
import type { Entity } from '../store';

function deleteCall(ctx: MockContext, callId: string): void {
  ctx.store.delete('call', callId);
  for (const leg of ctx.store.all('callLeg', callId)) {
    ctx.store.delete('callLeg', leg.id);
    ctx.store.completedLegs += 1;
  }
}

/**
 * A template takes its access method templates with it, and (assumed: the blueprint is silent)
 * the user assignments and LDAP sources that name it. Spaces made from it keep their settings.
 */
function deleteTemplateDependents(ctx: MockContext, templateId: string): void {
  const { store } = ctx;
  for (const e of store.all('accessMethodTemplate', templateId)) store.delete('accessMethodTemplate', e.id);
  for (const kind of ['userCoSpaceTemplate', 'ldapUserCoSpaceTemplateSource'] as const) {
    for (const e of store.all(kind).filter((x) => x.values.coSpaceTemplate === templateId)) store.delete(kind, e.id);
  }
}

/** Deletes an object with what CMS deletes along with it: a space's access methods, members and call; a call's legs. */
export function deleteWithDependents(ctx: MockContext, entity: Entity): void {
  const { store } = ctx;
  store.delete(entity.kind, entity.id);
  if (entity.kind === 'coSpace') {
    for (const k of ['accessMethod', 'coSpaceUser'] as const) for (const e of store.all(k, entity.id)) store.delete(k, e.id);
    for (const call of store.all('call').filter((c) => c.values.coSpace === entity.id)) deleteCall(ctx, call.id);
  }
  if (entity.kind === 'call') deleteCall(ctx, entity.id);
  if (entity.kind === 'coSpaceTemplate') deleteTemplateDependents(ctx, entity.id);
  if (entity.kind === 'callLeg') {
    store.completedLegs += 1;
    ctx.simulation.legRemoved(entity);
  }
}
