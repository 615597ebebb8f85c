import type { MockContext } from '../context';
import { route, type Method, type Route, type RouteRequest } from '../http/router';
import { resources, type ResourceDef } from '../resources';
import type { Entity } from '../store';
import { badRequest, emptyOk, notFound, xmlResponse } from '../wire';
import { deleteWithDependents } from './cascade';
import { listResponse } from './collection';
import { applyForm, referenceCheck } from './forms';
import { applyKindRules, checkDeletable } from './kind-rules';
import { renderEntity } from './render';

/** Runs after a create (e.g. starting a bulk sync); the write gate has already let it through. */
export type AfterCreate = (ctx: MockContext, created: Entity) => void;

interface Scope {
  def: ResourceDef;
  parent?: Entity;
  /** canonical collection path, for Location */
  collectionPath: string;
  /** where Location points when the blueprint's example names another path than the collection's */
  locationPath?: string;
}

/**
 * An unknown object: GET answers 404; a PUT or DELETE of an unknown *nested* object (an access
 * method, a member) answers 400, as a public CMS client documents for `<accessMethodDoesNotExist />`.
 */
function missing(scope: Scope, method: Method) {
  return scope.parent && method !== 'GET' ? badRequest(scope.def.missing) : notFound(scope.def.missing);
}

function find(ctx: MockContext, scope: Scope, id: string, method: Method): Entity {
  const e = ctx.store.get(scope.def.kind, id, scope.parent?.id);
  if (!e) throw missing(scope, method);
  return e;
}

function read(ctx: MockContext, scope: Scope, req: RouteRequest): Response {
  const id = req.params.id;
  if (id === undefined) return listResponse(ctx, scope.def, ctx.store.all(scope.def.kind, scope.parent?.id), req.query);
  return xmlResponse(scope.def.element, renderEntity(ctx, scope.def, find(ctx, scope, id, 'GET'), false));
}

function create(ctx: MockContext, scope: Scope, req: RouteRequest, after?: AfterCreate): Promise<Response> {
  const { def } = scope;
  if (req.params.id !== undefined || !def.writable.post) throw badRequest('invalidOperation');
  const { values, flags } = applyForm(def.params, req.body, {}, 'POST');
  referenceCheck(ctx.store, def.params, values);
  const entity: Entity = { id: crypto.randomUUID(), kind: def.kind, values, meta: {}, ...(scope.parent ? { parent: scope.parent.id } : {}) };
  applyKindRules(ctx.store, { entity, flags, isCreate: true, before: {} });
  return ctx.gate.write(() => {
    const created = ctx.store.insert(def.kind, entity.values, { id: entity.id, ...(entity.parent ? { parent: entity.parent } : {}) });
    after?.(ctx, created);
    return emptyOk(`${scope.locationPath ?? scope.collectionPath}/${created.id}`);
  }, req.signal);
}

function update(ctx: MockContext, scope: Scope, req: RouteRequest): Promise<Response> {
  const { def } = scope;
  if (req.params.id === undefined || !def.writable.put) throw badRequest('invalidOperation');
  const existing = find(ctx, scope, req.params.id, 'PUT');
  const { values, flags } = applyForm(def.params, req.body, existing.values, 'PUT');
  referenceCheck(ctx.store, def.params, values);
  const draft: Entity = { ...existing, values };
  applyKindRules(ctx.store, { entity: draft, flags, isCreate: false, before: existing.values });
  return ctx.gate.write(() => {
    existing.values = draft.values;
    return emptyOk();
  }, req.signal);
}

function remove(ctx: MockContext, scope: Scope, req: RouteRequest): Promise<Response> {
  if (!scope.def.writable.delete || req.params.id === undefined) throw badRequest('invalidOperation');
  const entity = find(ctx, scope, req.params.id, 'DELETE');
  checkDeletable(entity);
  return ctx.gate.write(() => {
    deleteWithDependents(ctx, entity);
    return emptyOk();
  }, req.signal);
}

function handlers(ctx: MockContext, scopeOf: (req: RouteRequest) => Scope, after?: AfterCreate) {
  return {
    GET: (req: RouteRequest) => read(ctx, scopeOf(req), req),
    POST: (req: RouteRequest) => create(ctx, scopeOf(req), req, after),
    PUT: (req: RouteRequest) => update(ctx, scopeOf(req), req),
    DELETE: (req: RouteRequest) => remove(ctx, scopeOf(req), req),
  };
}

/** `/<collection>[/<id>]`: list, read, create, modify and delete one kind of top-level object. */
export function resourceRoute(ctx: MockContext, def: ResourceDef, after?: AfterCreate): Route {
  const scope: Scope = { def, collectionPath: `/api/v1/${def.collection}` };
  return route(`${def.collection}/:id?`, handlers(ctx, () => scope, after));
}

/**
 * `/<parent collection>/<id>/<collection>[/<id>]`: objects that live inside another (a space's
 * access methods, a template's access method templates, a user's templates).
 */
export function childRoute(ctx: MockContext, parentDef: ResourceDef, def: ResourceDef, options: { locationPath?: string } = {}): Route {
  return route(
    `${parentDef.collection}/:parent/${def.collection}/:id?`,
    handlers(ctx, (req) => {
      const parent = ctx.store.get(parentDef.kind, req.params.parent ?? '');
      if (!parent) throw notFound(parentDef.missing);
      return { def, parent, collectionPath: `/api/v1/${parentDef.collection}/${parent.id}/${def.collection}`, ...options };
    }),
  );
}

/** `/coSpaces/<id>/<collection>[/<id>]`: objects that live inside a space. */
export function spaceChildRoute(ctx: MockContext, def: ResourceDef): Route {
  return childRoute(ctx, resources.coSpace, def);
}
