import { callLegProfileParams } from '../../api/params/call-leg-profile';
import type { ParamTable, ParamValue } from '../../api/params/param-def';
import { parseFormValue } from '../../api/params/schema';
import { systemProfilesParams } from '../../api/params/system-profiles';
import { systemStatusParams } from '../../api/params/system-status';
import type { XmlBuildElement } from '../../api/wire/xml';
import { runBulkSync } from './bulk';
import { callLegProfileTrace, callLegProfileUsage, isReferenced, LEG_OVERRIDES } from './profile-scopes';
import { type ResourceDef, resources } from './resources';
import { checkUniqueness, findRoutes, newCallId, newSecret } from './rules';
import { seedStore, type SeedName } from './seeds/seed';
import { createSimulation } from './simulation';
import { type Entity, type EntityKind, Store, type Values } from './store';
import {
  badRequest,
  CmsFailure,
  emptyOk,
  entityElement,
  failureResponse,
  notFound,
  parameterError,
  unauthorized,
  valueChildren,
  xmlResponse,
} from './wire';

export interface MockCmsOptions {
  /** the most items one collection GET returns, whatever `limit` asks (real CMS: 10 or 20) */
  pageLimit?: number;
  latencyMs?: number;
  /** Basic credentials the mock accepts; null accepts any request (msw in unit tests) */
  credentials?: { user: string; password: string } | null;
  seed?: SeedName;
  /** SIP domain used by accessQuery answers */
  domain?: string;
  /** how long each bulk sync stays pending and running, in ms */
  bulkStepMs?: number;
}

export interface Faults {
  latencyMs: number;
  /** the next N API requests answer 503 (CMS busy) */
  busy: number;
  /** the Nth write from now (1 = next) fails without changing anything */
  failWrite?: { nth: number; status: number; code: string };
}

export interface MockCms {
  readonly store: Store;
  readonly faults: Faults;
  readonly options: Required<Omit<MockCmsOptions, 'credentials'>> & Pick<MockCmsOptions, 'credentials'>;
  /** answers a request for /api/v1/… or /mock-cms/…; undefined for any other path */
  handle(request: Request): Promise<Response | undefined>;
  reset(seed?: SeedName): void;
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

interface Target {
  def: ResourceDef;
  parent?: Entity;
  /** the canonical path of the collection, for Location */
  collectionPath: string;
  id?: string;
}

const lowerNameMaps = new WeakMap<ParamTable, Map<string, string>>();
function canonicalName(table: ParamTable, name: string): string | undefined {
  let map = lowerNameMaps.get(table);
  if (!map) {
    map = new Map(Object.keys(table).map((k) => [k.toLowerCase(), k]));
    lowerNameMaps.set(table, map);
  }
  return map.get(name.toLowerCase());
}

function queryParams(url: URL): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of url.searchParams) out.set(k.toLowerCase(), v);
  return out;
}

function intParam(query: Map<string, string>, name: string): number | undefined {
  const raw = query.get(name.toLowerCase());
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d+$/.test(raw)) throw parameterError(name, 'invalidValue');
  return Number(raw);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function createMockCms(options: MockCmsOptions = {}): MockCms {
  const opts = {
    pageLimit: options.pageLimit ?? 10,
    latencyMs: options.latencyMs ?? 0,
    credentials: options.credentials === undefined ? { user: 'admin', password: 'admin' } : options.credentials,
    seed: options.seed ?? 'lab',
    domain: options.domain ?? 'example.com',
    bulkStepMs: options.bulkStepMs ?? 300,
  };
  const store = new Store();
  const faults: Faults = { latencyMs: opts.latencyMs, busy: 0 };
  seedStore(store, opts.seed);
  const simulation = createSimulation(store, { domain: opts.domain });

  const resolveTarget = (segments: string[]): { target?: Target; special?: string } => {
    const s = segments.map((x) => x.toLowerCase());
    const top = (kind: EntityKind, id?: string): Target => {
      const def = resources[kind];
      return { def, collectionPath: `/api/v1/${def.collection}`, ...(id ? { id } : {}) };
    };
    const [a, b, c] = s;
    const [, rawB, , rawD] = segments;
    switch (s.length === 0 ? '' : a) {
      case 'cospaces': {
        if (s.length <= 2) return { target: top('coSpace', rawB) };
        const space = store.get('coSpace', rawB ?? '');
        if (!space) throw notFound('coSpaceDoesNotExist');
        const kind = c === 'accessmethods' ? 'accessMethod' : c === 'cospaceusers' ? 'coSpaceUser' : undefined;
        if (!kind || s.length > 4) throw notFound('unrecognizedObject');
        const def = resources[kind];
        return {
          target: { def, parent: space, collectionPath: `/api/v1/coSpaces/${space.id}/${def.collection}`, ...(rawD ? { id: rawD } : {}) },
        };
      }
      case 'calllegprofiles':
        if (s.length === 3 && c === 'usage') return { special: 'usage' };
        if (s.length <= 2) return { target: top('callLegProfile', rawB) };
        break;
      case 'calls':
        if (s.length <= 2) return { target: top('call', rawB) };
        if (s.length === 3 && (c === 'calllegs' || c === 'callegs')) return { special: 'callLegsOfCall' };
        if (s.length === 3 && c === 'participants') return { special: 'participantsOfCall' };
        break;
      // The TMS trace sends /callegs (sic) and CMS answers it, so the mock does too.
      case 'calllegs':
      case 'callegs':
        if (s.length === 3 && c === 'calllegprofiletrace') return { special: 'trace' };
        if (s.length <= 2) return { target: top('callLeg', rawB) };
        break;
      case 'participants':
        if (s.length <= 2) return { special: 'participants' };
        break;
      case 'system':
        if (s.length === 2 && b === 'status') return { special: 'status' };
        if (s.length === 2 && b === 'profiles') return { special: 'systemProfiles' };
        break;
      case 'accessquery':
        if (s.length === 1) return { special: 'accessQuery' };
        break;
      default: {
        const kind = (Object.keys(resources) as EntityKind[]).find(
          (k) => resources[k].collection.toLowerCase() === a && !['accessMethod', 'coSpaceUser'].includes(k),
        );
        if (kind && s.length <= 2) return { target: top(kind, rawB) };
      }
    }
    throw notFound('unrecognizedObject');
  };

  const getEntity = (target: Target): Entity => {
    const e = store.get(target.def.kind, target.id ?? '', target.parent?.id);
    if (!e) throw notFound(target.def.missing);
    return e;
  };

  const referenceCheck = (table: ParamTable, values: Values) => {
    for (const [name, value] of Object.entries(values)) {
      const def = table[name];
      if (!def || def.type !== 'id' || !def.ref || typeof value !== 'string') continue;
      const kind = def.ref as EntityKind;
      // a sync naming a missing set is accepted and then reports failedNoSuchParameterSet
      if (!(kind in resources) || kind === 'cospaceBulkParameterSet') continue;
      if (!store.get(kind, value)) throw badRequest(resources[kind].missing);
    }
  };

  /** Applies a form body to `before`; throws the CMS failure for the first bad parameter. */
  const applyForm = (def: ResourceDef, body: string, before: Values, method: 'POST' | 'PUT'): { values: Values; flags: Set<string> } => {
    const values: Values = { ...before };
    const flags = new Set<string>();
    for (const [rawName, raw] of new URLSearchParams(body)) {
      const name = canonicalName(def.params, rawName);
      const param = name ? def.params[name] : undefined;
      if (!name || !param || param.access === 'readOnly') throw parameterError(rawName, 'unrecognised');
      if (param.putOnly && method === 'POST') continue;
      const parsed = parseFormValue(param, raw);
      if (!parsed.ok) throw parameterError(name, parsed.error);
      if (param.access === 'writeOnly') {
        if (parsed.value === true) flags.add(name);
        else if (parsed.value !== null && parsed.value !== false) values[name] = parsed.value;
        continue;
      }
      if (parsed.value === null) delete values[name];
      else values[name] = parsed.value;
    }
    if (method === 'POST') {
      for (const [name, param] of Object.entries(def.params)) {
        if (param.required && values[name] === undefined && !flags.has(name)) throw parameterError(name, 'missing');
      }
    }
    return { values, flags };
  };

  const kindRules = (entity: Entity, flags: Set<string>, isCreate: boolean, before: Values) => {
    const v = entity.values;
    switch (entity.kind) {
      case 'coSpace':
      case 'accessMethod': {
        for (const f of ['uri', 'secondaryUri'] as const) if (typeof v[f] === 'string') v[f] = (v[f] as string).toLowerCase();
        if (flags.has('requireCallId') && v.callId === undefined) v.callId = newCallId(store);
        if (flags.has('regenerateSecret') || (v.callId !== undefined && v.secret === undefined)) v.secret = newSecret();
        if (entity.kind === 'coSpace') {
          if (isCreate && v.autoGenerated === undefined) v.autoGenerated = false;
          if (v.ownerJid !== before.ownerJid) {
            const owner = typeof v.ownerJid === 'string' ? findUserByJid(v.ownerJid) : undefined;
            if (owner) v.ownerId = owner.id;
            else delete v.ownerId;
          }
        }
        checkUniqueness(store, entity);
        break;
      }
      case 'coSpaceUser': {
        if (isCreate) {
          const user = typeof v.userJid === 'string' ? findUserByJid(v.userJid) : undefined;
          if (!user) throw badRequest('userDoesNotExist');
          v.userId = user.id;
          if (user.values.userJid !== undefined) v.userJid = user.values.userJid;
          v.autoGenerated = false;
          for (const [name, param] of Object.entries(resources.coSpaceUser.params)) {
            if (v[name] === undefined && param.default !== undefined && param.type === 'boolean') v[name] = param.default;
          }
        } else if (v.userJid !== before.userJid) {
          throw parameterError('userJid', 'invalidValue');
        }
        break;
      }
      case 'call': {
        if (isCreate) {
          // Without a space CMS makes an ad hoc call, which then needs a name.
          const space = typeof v.coSpace === 'string' ? store.get('coSpace', v.coSpace) : undefined;
          if (v.coSpace !== undefined && !space) throw badRequest('coSpaceDoesNotExist');
          if (!space && v.name === undefined) throw parameterError('name', 'missing');
          v.name = v.name ?? space?.values.name ?? '';
          v.callCorrelator = crypto.randomUUID();
          if (space?.values.tenant !== undefined) v.tenant = space.values.tenant;
        }
        break;
      }
      case 'cospaceBulkSync': {
        const setId = v.cospaceBulkParameterSet;
        v.status = 'pending';
        if (typeof setId !== 'string' || !store.get('cospaceBulkParameterSet', setId)) v.status = 'failedNoSuchParameterSet';
        break;
      }
      default:
        break;
    }
  };

  const findUserByJid = (jid: string): Entity | undefined => {
    const lower = jid.toLowerCase();
    return store.all('user').find((u) => String(u.values.userJid ?? '').toLowerCase() === lower);
  };

  const derived = (entity: Entity, forList: boolean): Array<[string, string]> => {
    if (entity.kind === 'coSpace' && !forList) {
      const n = store.all('accessMethod', entity.id).length;
      return n > 0 ? [['numAccessMethods', String(n)]] : [];
    }
    return [];
  };

  const render = (def: ResourceDef, entity: Entity, forList: boolean): XmlBuildElement => {
    if (entity.kind === 'callLeg' && !forList) return renderCallLeg(entity);
    const own = valueChildren(def.params, entity.values, forList ? def.listFields : undefined);
    const extra = derived(entity, forList).filter(([k]) => !own.some(([n]) => n === k));
    return entityElement(entity, [...own, ...extra]);
  };

  /** CMS prints a leg's own profile overrides inside <configuration>, its state inside <status>. */
  const renderCallLeg = (leg: Entity): XmlBuildElement => {
    const top = valueChildren(resources.callLeg.params, leg.values).filter(([n]) => !LEG_OVERRIDES.includes(n));
    const overrides = valueChildren(callLegProfileParams, leg.values, LEG_OVERRIDES);
    return entityElement(leg, [
      ...top,
      ['configuration', { children: overrides }],
      ['status', { children: [['state', 'connected'], ['deactivated', String(simulation.isDeactivated(leg))]] }],
    ]);
  };

  const list = (def: ResourceDef, entities: Entity[], query: Map<string, string>): Response => {
    const filter = query.get('filter')?.toLowerCase();
    const equals: Array<[string, string]> = [];
    for (const [q, field] of [
      ['tenantfilter', 'tenant'],
      ['calllegprofilefilter', 'callLegProfile'],
      ['cospacefilter', 'coSpace'],
    ] as const) {
      const v = query.get(q);
      if (v) equals.push([field, v.toLowerCase()]);
    }
    const usage = query.get('usagefilter');
    const matches = entities.filter((e) => {
      if (filter && !def.filterFields.some((f) => String(e.values[f] ?? '').toLowerCase().includes(filter))) return false;
      if (equals.some(([f, v]) => String(e.values[f] ?? '').toLowerCase() !== v)) return false;
      if (usage === 'unreferenced' || usage === 'referenced') {
        const used = isReferenced(store, def.kind, e.id);
        if ((usage === 'referenced') !== used) return false;
      }
      return true;
    });
    const offset = intParam(query, 'offset') ?? 0;
    const limit = Math.min(intParam(query, 'limit') ?? opts.pageLimit, opts.pageLimit);
    const page = matches.slice(offset, offset + limit);
    return xmlResponse(def.collection, {
      attributes: { total: matches.length },
      children: page.map((e) => [def.element, render(def, e, true)]),
    });
  };

  const write = async (method: 'POST' | 'PUT', target: Target, body: string): Promise<Response> => {
    const def = target.def;
    if (method === 'POST' && (target.id !== undefined || !def.writable.post)) throw badRequest('invalidOperation');
    if (method === 'PUT' && (target.id === undefined || !def.writable.put)) throw badRequest('invalidOperation');
    const existing = method === 'PUT' ? getEntity(target) : undefined;
    const before = existing?.values ?? {};
    const { values, flags } = applyForm(def, body, before, method);
    referenceCheck(def.params, values);
    const draft: Entity = existing
      ? { ...existing, values }
      : { id: crypto.randomUUID(), kind: def.kind, values, meta: {}, ...(target.parent ? { parent: target.parent.id } : {}) };
    kindRules(draft, flags, !existing, before);
    consumeWriteFault();
    if (existing) {
      existing.values = draft.values;
      return emptyOk();
    }
    const created = store.insert(def.kind, draft.values, { id: draft.id, ...(draft.parent ? { parent: draft.parent } : {}) });
    if (created.kind === 'cospaceBulkSync' && created.values.status === 'pending') runBulkSync(store, created, opts.bulkStepMs);
    return emptyOk(`${target.collectionPath}/${created.id}`);
  };

  const consumeWriteFault = () => {
    const f = faults.failWrite;
    if (!f) return;
    f.nth -= 1;
    if (f.nth > 0) return;
    delete faults.failWrite;
    throw new CmsFailure(f.status, f.code);
  };

  const remove = (target: Target): Response => {
    const def = target.def;
    if (!def.writable.delete || target.id === undefined) throw badRequest('invalidOperation');
    const entity = getEntity(target);
    consumeWriteFault();
    store.delete(def.kind, entity.id);
    if (entity.kind === 'coSpace') {
      for (const k of ['accessMethod', 'coSpaceUser'] as const) for (const e of store.all(k, entity.id)) store.delete(k, e.id);
      for (const call of store.all('call').filter((c) => c.values.coSpace === entity.id)) deleteCall(call.id);
    }
    if (entity.kind === 'call') deleteCall(entity.id);
    if (entity.kind === 'callLeg') {
      store.completedLegs += 1;
      simulation.legRemoved(entity);
    }
    return emptyOk();
  };

  const deleteCall = (callId: string) => {
    store.delete('call', callId);
    for (const leg of store.all('callLeg', callId)) {
      store.delete('callLeg', leg.id);
      store.completedLegs += 1;
    }
  };

  const special = async (name: string, method: Method, segments: string[], url: URL, body: string): Promise<Response> => {
    const query = queryParams(url);
    const id = segments[1] ?? '';
    switch (name) {
      case 'usage': {
        if (method !== 'GET') throw badRequest('invalidOperation');
        if (!store.get('callLegProfile', id)) throw notFound('callLegProfileDoesNotExist');
        const uses = callLegProfileUsage(store, id.toLowerCase());
        return xmlResponse('callLegProfileUsage', {
          attributes: { id: id.toLowerCase(), total: uses.length },
          children: uses.map((u) => [u.scope, { attributes: u.attributes }]),
        });
      }
      case 'trace': {
        if (method !== 'GET') throw badRequest('invalidOperation');
        const leg = store.get('callLeg', id);
        if (!leg) throw notFound('callLegDoesNotExist');
        return xmlResponse('callLegProfileTrace', {
          attributes: { callLeg: leg.id },
          children: callLegProfileTrace(store, leg).map((level) => [
            'profile',
            {
              attributes: { scope: level.scope },
              children: [
                [
                  'callLegProfile',
                  {
                    ...(level.profileId ? { attributes: { id: level.profileId } } : {}),
                    children: valueChildren(callLegProfileParams, level.settings),
                  },
                ],
              ],
            },
          ]),
        });
      }
      case 'callLegsOfCall': {
        const call = store.get('call', id);
        if (!call) throw notFound('callDoesNotExist');
        const def = resources.callLeg;
        if (method === 'GET') return list(def, store.all('callLeg', call.id), query);
        if (method !== 'POST') throw badRequest('invalidOperation');
        const { values } = applyForm(def, body, {}, 'POST');
        if (values.remoteParty === undefined) throw parameterError('remoteParty', 'missing');
        referenceCheck(def.params, values);
        consumeWriteFault();
        values.call = call.id;
        values.direction = 'outgoing';
        const leg = store.insert('callLeg', values, { parent: call.id, meta: { participant: crypto.randomUUID() } });
        store.maxActiveLegs = Math.max(store.maxActiveLegs, store.all('callLeg').length);
        simulation.legAdded(leg);
        return emptyOk(`/api/v1/callLegs/${leg.id}`);
      }
      case 'participants':
      case 'participantsOfCall': {
        if (method !== 'GET') throw badRequest('invalidOperation');
        let legs = store.all('callLeg');
        const filter = query.get('filter')?.toLowerCase();
        if (filter) legs = legs.filter((l) => String(l.values.name ?? l.values.remoteParty ?? '').toLowerCase().includes(filter));
        if (name === 'participantsOfCall') {
          if (!store.get('call', id)) throw notFound('callDoesNotExist');
          legs = legs.filter((l) => l.parent === id.toLowerCase());
        } else if (segments.length === 2) {
          const leg = legs.find((l) => l.meta.participant === id.toLowerCase());
          if (!leg) throw notFound('participantDoesNotExist');
          return xmlResponse('participant', participantElement(leg));
        }
        const offset = intParam(query, 'offset') ?? 0;
        const limit = Math.min(intParam(query, 'limit') ?? opts.pageLimit, opts.pageLimit);
        return xmlResponse('participants', {
          attributes: { total: legs.length },
          children: legs.slice(offset, offset + limit).map((l) => ['participant', participantElement(l)]),
        });
      }
      case 'status': {
        if (method !== 'GET') throw badRequest('invalidOperation');
        const active = store.all('callLeg').length;
        const status: Values = {
          softwareVersion: '3.9.0',
          uptimeSeconds: Math.floor((Date.now() - store.startedAt) / 1000),
          cdrTime: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
          activated: true,
          clusterEnabled: store.all('callBridge').length > 1,
          callLegsActive: active,
          callLegsMaxActive: store.maxActiveLegs,
          callLegsCompleted: store.completedLegs,
          audioBitRateOutgoing: 0,
          videoBitRateOutgoing: 0,
          audioBitRateIncoming: 0,
          videoBitRateIncoming: 0,
        };
        return xmlResponse('status', { children: valueChildren(systemStatusParams, status) });
      }
      case 'systemProfiles': {
        if (method === 'GET') return xmlResponse('profiles', { children: valueChildren(systemProfilesParams, store.systemProfiles) });
        if (method !== 'PUT') throw badRequest('invalidOperation');
        const def: ResourceDef = { ...resources.tenant, params: systemProfilesParams };
        const { values } = applyForm(def, body, store.systemProfiles, 'PUT');
        referenceCheck(systemProfilesParams, values);
        consumeWriteFault();
        store.systemProfiles = values;
        return emptyOk();
      }
      case 'accessQuery': {
        if (method !== 'POST' && method !== 'GET') throw badRequest('invalidOperation');
        const form = new URLSearchParams(method === 'POST' ? body : url.search);
        const uri = form.get('uri') ?? undefined;
        const callId = form.get('callId') ?? form.get('callid') ?? undefined;
        const children: Array<[string, string]> = [];
        if (uri && findRoutes(store, { uri }).length > 0) children.push(['uri', `${uri.split('@')[0]}@${opts.domain}`]);
        if (callId && findRoutes(store, { callId }).length > 0) {
          children.push(['webAddress', `https://join.${opts.domain}/meeting/${callId}`]);
        }
        return xmlResponse('accessQuery', { children });
      }
    }
    throw notFound('unrecognizedObject');
  };

  const participantElement = (leg: Entity): XmlBuildElement => ({
    attributes: { id: leg.meta.participant ?? leg.id },
    children: [
      ['name', String(leg.values.name ?? leg.values.remoteParty ?? '')],
      ['call', String(leg.parent ?? '')],
    ],
  });

  const authorized = (request: Request): boolean => {
    if (!opts.credentials) return true;
    const header = request.headers.get('authorization') ?? '';
    const match = /^Basic\s+(.+)$/i.exec(header);
    if (!match?.[1]) return false;
    let decoded: string;
    try {
      decoded = new TextDecoder().decode(Uint8Array.from(atob(match[1]), (c) => c.charCodeAt(0)));
    } catch {
      return false;
    }
    const sep = decoded.indexOf(':');
    return decoded.slice(0, sep) === opts.credentials.user && decoded.slice(sep + 1) === opts.credentials.password;
  };

  const control = async (request: Request, path: string): Promise<Response> => {
    if (path.startsWith('/mock-cms/simulate/')) return simulation.handle(request, path);
    const body = request.method === 'POST' ? ((await request.json().catch(() => ({}))) as Record<string, unknown>) : {};
    if (path === '/mock-cms/faults' && request.method === 'POST') {
      if (typeof body.latencyMs === 'number') faults.latencyMs = body.latencyMs;
      if (typeof body.busy === 'number') faults.busy = body.busy;
      const fw = body.failWrite as { nth?: number; status?: number; code?: string } | null | undefined;
      if (fw === null) delete faults.failWrite;
      else if (fw) faults.failWrite = { nth: fw.nth ?? 1, status: fw.status ?? 500, code: fw.code ?? 'databaseNotReady' };
      return Response.json(faults);
    }
    if (path === '/mock-cms/faults' && request.method === 'GET') return Response.json(faults);
    if (path === '/mock-cms/reset' && request.method === 'POST') {
      mock.reset((body.seed as SeedName | undefined) ?? opts.seed);
      return Response.json({ seed: body.seed ?? opts.seed });
    }
    return new Response('Not found', { status: 404 });
  };

  const mock: MockCms = {
    store,
    faults,
    options: opts,
    reset(seed) {
      store.clear();
      faults.busy = 0;
      faults.latencyMs = opts.latencyMs;
      delete faults.failWrite;
      simulation.reset();
      seedStore(store, seed ?? opts.seed);
    },
    async handle(request) {
      const url = new URL(request.url);
      const path = url.pathname;
      if (/^\/mock-cms\//.test(path)) return control(request, path);
      const m = /^\/api\/v1(\/.*)?$/i.exec(path);
      if (!m) return undefined;
      if (faults.latencyMs > 0) await sleep(faults.latencyMs);
      if (!authorized(request)) return unauthorized();
      if (faults.busy > 0) {
        faults.busy -= 1;
        return new Response(null, { status: 503 });
      }
      const method = request.method.toUpperCase() as Method;
      try {
        if (!['GET', 'POST', 'PUT', 'DELETE'].includes(method)) throw new CmsFailure(405, 'invalidOperation');
        const segments = (m[1] ?? '').split('/').filter(Boolean).map(decodeURIComponent);
        const body = method === 'POST' || method === 'PUT' ? await request.text() : '';
        const { target, special: specialName } = resolveTarget(segments);
        if (specialName) return await special(specialName, method, segments, url, body);
        if (!target) throw notFound('unrecognizedObject');
        if (method === 'GET') {
          if (target.id === undefined) return list(target.def, store.all(target.def.kind, target.parent?.id), queryParams(url));
          const entity = getEntity(target);
          return xmlResponse(target.def.element, render(target.def, entity, false));
        }
        if (method === 'DELETE') return remove(target);
        return await write(method, target, body);
      } catch (error) {
        if (error instanceof CmsFailure) return failureResponse(error);
        throw error;
      }
    },
  };
  return mock;
}

export type { ParamValue };
