import type { Entity, Store, Values } from './store';
import { badRequest } from './wire';

/** Who answers a given URI or call ID: a space itself or one of its access methods. */
interface Route {
  coSpace: string;
  owner: Entity;
  passcode: string;
}

function routesOf(store: Store, field: 'uri' | 'callId'): Route[] {
  const routes: Route[] = [];
  for (const space of store.all('coSpace')) {
    const passcode = String(space.values.passcode ?? '');
    routes.push({ coSpace: space.id, owner: space, passcode });
  }
  for (const method of store.all('accessMethod')) {
    routes.push({ coSpace: method.parent ?? '', owner: method, passcode: String(method.values.passcode ?? '') });
  }
  return routes.filter((r) => {
    if (field === 'uri') return uriKeys(r.owner.values).length > 0;
    return r.owner.values.callId !== undefined && r.owner.values.callId !== '';
  });
}

function uriKeys(values: Values): string[] {
  const keys: string[] = [];
  for (const f of ['uri', 'secondaryUri'] as const) {
    const v = values[f];
    if (typeof v === 'string' && v !== '') keys.push(v.toLowerCase());
  }
  return keys;
}

/**
 * CMS routes each incoming URI or call ID to exactly one space, so a URI or call ID belongs to one
 * space; inside that space the space and its access methods may share it only with different
 * passcodes. `candidate` is the object as it would be after the write.
 */
export function checkUniqueness(store: Store, candidate: Entity): void {
  const spaceId = candidate.kind === 'coSpace' ? candidate.id : (candidate.parent ?? '');
  const passcode = String(candidate.values.passcode ?? '');
  const others = (field: 'uri' | 'callId') =>
    routesOf(store, field).filter((r) => !(r.owner.kind === candidate.kind && r.owner.id === candidate.id));

  const myUris = uriKeys(candidate.values);
  for (const route of others('uri')) {
    const clash = uriKeys(route.owner.values).some((u) => myUris.includes(u));
    if (!clash) continue;
    if (route.coSpace !== spaceId) throw badRequest('duplicateCoSpaceUri');
    if (route.passcode === passcode) throw badRequest('duplicateCoSpaceUriPasscode');
  }

  const myCallId = candidate.values.callId;
  if (myCallId !== undefined && myCallId !== '') {
    for (const route of others('callId')) {
      if (String(route.owner.values.callId) !== String(myCallId)) continue;
      if (route.coSpace !== spaceId) throw badRequest('duplicateCoSpaceId');
      if (route.passcode === passcode) throw badRequest('duplicateCoSpaceIdPasscode');
    }
  }
}

/** What a Call Bridge would match for a dialled URI user part or call ID (+ PIN when given). */
export function findRoutes(store: Store, query: { uri?: string; callId?: string }): Route[] {
  if (query.uri) {
    const uri = query.uri.toLowerCase().split('@')[0] ?? '';
    return routesOf(store, 'uri').filter((r) => uriKeys(r.owner.values).includes(uri));
  }
  if (query.callId) return routesOf(store, 'callId').filter((r) => String(r.owner.values.callId) === query.callId);
  return [];
}

const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._';

/** CMS secrets look like `iWqZQ.tTMIleeQHKMB.JYg`: 22 characters of a URL-safe alphabet. */
export function newSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(22));
  return [...bytes].map((b) => SECRET_ALPHABET[b % SECRET_ALPHABET.length]).join('');
}

/** CMS auto-generates 9-digit call IDs that no other space uses. */
export function newCallId(store: Store): string {
  const used = new Set(routesOf(store, 'callId').map((r) => String(r.owner.values.callId)));
  for (;;) {
    const id = String(100_000_000 + Math.floor(Math.random() * 900_000_000));
    if (!used.has(id)) return id;
  }
}
