import type { ParamTable } from '../../../api/params/param-def';
import { parseFormValue } from '../../../api/params/schema';
import { resources, type ResourceDef } from '../resources';
import type { EntityKind, Store, Values } from '../store';
import { badRequest, parameterError } from '../wire';

const lowerNameMaps = new WeakMap<ParamTable, Map<string, string>>();

/** CMS matches parameter names case-insensitively (the Postman collection sends `defaultlayout`). */
export function canonicalName(table: ParamTable, name: string): string | undefined {
  let map = lowerNameMaps.get(table);
  if (!map) {
    map = new Map(Object.keys(table).map((k) => [k.toLowerCase(), k]));
    lowerNameMaps.set(table, map);
  }
  return map.get(name.toLowerCase());
}

export interface AppliedForm {
  values: Values;
  /** write-only switches sent as true (regenerateSecret, requireCallId…) */
  flags: Set<string>;
}

/** Applies a form body to `before`; throws the CMS failure for the first bad parameter. */
export function applyForm(params: ParamTable, body: string, before: Values, method: 'POST' | 'PUT'): AppliedForm {
  const values: Values = { ...before };
  const flags = new Set<string>();
  for (const [rawName, raw] of new URLSearchParams(body)) {
    const name = canonicalName(params, rawName);
    const param = name ? params[name] : undefined;
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
    for (const [name, param] of Object.entries(params)) {
      if (param.required && values[name] === undefined && !flags.has(name)) throw parameterError(name, 'missing');
    }
  }
  return { values, flags };
}

/** Every id parameter must name an existing object of its kind: `<xDoesNotExist />` otherwise. */
export function referenceCheck(store: Store, table: ParamTable, values: Values): void {
  for (const [name, value] of Object.entries(values)) {
    const def = table[name];
    if (!def || def.type !== 'id' || !def.ref || typeof value !== 'string') continue;
    const kind = def.ref as EntityKind;
    // a sync naming a missing set is accepted and then reports failedNoSuchParameterSet
    if (!(kind in resources) || kind === 'cospaceBulkParameterSet') continue;
    if (!store.get(kind, value)) throw badRequest(resources[kind].missing);
  }
}

export function findUserByJid(store: Store, jid: string) {
  const lower = jid.toLowerCase();
  return store.all('user').find((u) => String(u.values.userJid ?? '').toLowerCase() === lower);
}

export type { ResourceDef };
