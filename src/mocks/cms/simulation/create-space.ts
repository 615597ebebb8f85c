import { coSpaceParams } from '../../../api/params/co-space';
import { parseFormValue } from '../../../api/params/schema';
import { describeFailure } from '../../../api/wire/failure-reasons';
import type { CreatedSpaceAnswer } from '../../../api/wire/simulation-contract';
import { findUserByJid } from '../crud/forms';
import { applyKindRules } from '../crud/kind-rules';
import { findRoutes } from '../rules';
import type { Entity, EntityKind, Store, Values } from '../store';
import { CmsFailure } from '../wire';
import { createSpaceBody, parseBody, Refusal } from './refusal';
import { log, quote, type SimState } from './state';

/**
 * blueprint "coSpace Permissions": in a space a user creates in the app, every member permission
 * is true but canDeleteAllMessages.
 */
const CREATOR_PERMISSIONS: Values = {
  canDestroy: true,
  canAddRemoveMember: true,
  canChangeName: true,
  canChangeUri: true,
  canChangeCallId: true,
  canChangePasscode: true,
  canPostMessage: true,
  canRemoveSelf: true,
  canDeleteAllMessages: false,
  canChangeNonMemberAccessAllowed: true,
};

/** `$` stands for the space's URI (assumed: the blueprint only says the expression makes the URI). */
const generatedUri = (generator: unknown, spaceUri: string) =>
  typeof generator === 'string' && generator !== '' ? generator.replace('$', spaceUri).toLowerCase() : undefined;

const isFree = (store: Store, uri: string | undefined) => uri === undefined || findRoutes(store, { uri }).length === 0;

const MAX_NUMBERED = 1000;

/** The URI the web app proposes for a name: lower case, runs of other characters as one dot, numbered until nothing clashes. */
function uriFromName(store: Store, name: string, generators: unknown[]): string {
  const base =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9_-]+/g, '.')
      .replace(/^\.+|\.+$/g, '') || 'space';
  for (let n = 1; n <= MAX_NUMBERED; n += 1) {
    const candidate = n === 1 ? base : `${base}.${n}`;
    if (isFree(store, candidate) && generators.every((g) => isFree(store, generatedUri(g, candidate)))) return candidate;
  }
  throw new Refusal(`Every URI from "${base}" to "${base}.${MAX_NUMBERED}" is taken: give the space a URI.`, 'uri', 409);
}

function spaceUri(store: Store, given: string | undefined, name: string, generators: unknown[]): string {
  if (given === undefined) return uriFromName(store, name, generators);
  const parsed = parseFormValue(coSpaceParams.uri, given);
  if (!parsed.ok || typeof parsed.value !== 'string') throw new Refusal(`"${given}" is not a URI user part (no spaces or any of : ; < > " @).`, 'uri');
  return parsed.value.toLowerCase();
}

/** Inserts one object as a POST would, rules and uniqueness included; `made` collects what to undo. */
function make(store: Store, made: Entity[], kind: EntityKind, values: Values, options: { parent?: string; flags?: string[] } = {}): Entity {
  const draft: Entity = { id: crypto.randomUUID(), kind, values, meta: {}, ...(options.parent ? { parent: options.parent } : {}) };
  applyKindRules(store, { entity: draft, flags: new Set(options.flags), isCreate: true, before: {} });
  const entity = store.insert(kind, draft.values, { id: draft.id, ...(options.parent ? { parent: options.parent } : {}) });
  made.push(entity);
  return entity;
}

function pick(values: Values, names: readonly string[]): Values {
  const out: Values = {};
  for (const name of names) {
    const value = values[name];
    if (value !== undefined) out[name] = value;
  }
  return out;
}

type MadeMethod = CreatedSpaceAnswer['accessMethods'][number];

function methodJson(method: Entity, templateId: string): MadeMethod {
  const out: MadeMethod = { id: method.id, template: templateId };
  for (const key of ['name', 'uri', 'callId', 'callLegProfile'] as const) {
    const value = method.values[key];
    if (value !== undefined) out[key] = String(value);
  }
  return out;
}

function findTemplateOf(store: Store, user: Entity, templateId: string): Entity {
  const template = store.get('coSpaceTemplate', templateId);
  if (!template) throw new Refusal(`No coSpace template has id ${templateId}.`, 'coSpaceTemplate', 404);
  const assigned = store.all('userCoSpaceTemplate', user.id).some((a) => a.values.coSpaceTemplate === template.id);
  const jid = String(user.values.userJid);
  if (!assigned) throw new Refusal(`${jid} may not use the template ${quote(template.values.name)}: it is not among their userCoSpaceTemplates.`, 'coSpaceTemplate', 403);
  return template;
}

/**
 * A user signed in to the web app makes a space from a template assigned to them, as CMS does: the
 * space gets the template's profiles, a call ID, the user as owner and as a member with the app's
 * creator permissions, and one access method per access method template, with its profiles, a URI
 * from its uriGenerator and a call ID of its own when generateUniqueCallId is true. All or nothing.
 */
export function createSpaceFromTemplate(state: SimState, raw: string): CreatedSpaceAnswer {
  const { store } = state;
  const body = parseBody(createSpaceBody, raw);
  const user = findUserByJid(store, body.userJid);
  if (!user) throw new Refusal(`No user ${body.userJid} exists on this CMS: only users it knows (imported from LDAP) can sign in to the web app.`, 'userJid');
  const template = findTemplateOf(store, user, body.coSpaceTemplate);
  const methodTemplates = store.all('accessMethodTemplate', template.id);
  const uri = spaceUri(store, body.uri, body.name, methodTemplates.map((t) => t.values.uriGenerator));
  const made: Entity[] = [];
  try {
    const space = make(
      store,
      made,
      'coSpace',
      {
        name: body.name,
        uri,
        ...pick(template.values, ['callProfile', 'callLegProfile', 'dialInSecurityProfile']),
        ...pick(user.values, ['tenant']),
        ...(user.meta.cdrTag ? { cdrTag: user.meta.cdrTag } : {}),
        ownerJid: String(user.values.userJid),
      },
      { flags: ['requireCallId'] },
    );
    space.meta.coSpaceTemplate = template.id;
    const member = make(store, made, 'coSpaceUser', { userJid: String(user.values.userJid), ...CREATOR_PERMISSIONS }, { parent: space.id });
    const accessMethods = methodTemplates.map((t) => {
      const values: Values = { ...pick(t.values, ['name', 'callLegProfile', 'dialInSecurityProfile']) };
      const methodUri = generatedUri(t.values.uriGenerator, uri);
      if (methodUri !== undefined) values.uri = methodUri;
      const method = make(store, made, 'accessMethod', values, { parent: space.id, flags: t.values.generateUniqueCallId === true ? ['requireCallId'] : [] });
      return methodJson(method, t.id);
    });
    log(state, space.id, `space ${quote(body.name)} created in the web app by ${String(user.values.userJid)} from template ${quote(template.values.name)}`);
    return {
      space: { id: space.id, name: body.name, uri, ...(space.values.callId !== undefined ? { callId: String(space.values.callId) } : {}) },
      member: member.id,
      accessMethods,
    };
  } catch (error) {
    for (const entity of made.reverse()) store.delete(entity.kind, entity.id);
    if (error instanceof CmsFailure) throw new Refusal(`CMS refused the space: ${describeFailure(error.code)}`, 'uri', 409);
    throw error;
  }
}
