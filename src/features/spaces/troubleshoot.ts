import { z } from 'zod';
import { cmsClient } from '../../api/transport/cms-client';
import { apiPath } from '../../api/transport/client';
import { isCmsError } from '../../api/transport/errors';
import {
  accessMethodSchema,
  callLegProfileSchema,
  callProfileSchema,
  coSpaceSchema,
  systemProfilesSchema,
  tenantSchema,
  type AccessMethod,
  type CallLegProfile,
  type CoSpace,
  type SystemProfiles,
  type Tenant,
} from '../../api/params/schemas';
import { attribute, children, flatten, type XmlDocument } from '../../api/wire/xml';
import type { CallLegLevel, CallProfileLevel } from '../../domain/profile-resolution/model';
import { callLegSettingsOf, callProfileSettingsOf, resolveCallLegProfile, resolveCallProfile } from '../../domain/profile-resolution/resolve';
import { SCOPE_LABELS } from './scope-labels';

/** One request the checklist made, with CMS's answer as text. */
export interface CheckExchange {
  method: 'GET';
  path: string;
  status?: number;
  text: string;
  error?: string;
}

export type CheckStatus = 'pass' | 'fail' | 'warn' | 'info';

export interface CheckStep {
  id: 'callProfiles' | 'callLegProfiles' | 'space' | 'accessMethods';
  title: string;
  status: CheckStatus;
  sentences: string[];
  exchanges: CheckExchange[];
}

export type CheckAnswer = CheckExchange & { xml?: XmlDocument };
/** GETs a path (relative to /api/v1) and never throws for an HTTP failure: the checklist reports it. */
export type CheckGet = (path: string, signal?: AbortSignal) => Promise<CheckAnswer>;

/** Access method details read one by one; the list already carries each one's callLegProfile. */
const MAX_ACCESS_METHOD_READS = 20;

export const cmsCheckGet: CheckGet = async (path, signal) => {
  const full = apiPath(path);
  try {
    const answer = await cmsClient().request({ method: 'GET', path, signal });
    return { method: 'GET', path: full, status: answer.status, text: answer.text, ...(answer.xml ? { xml: answer.xml } : {}) };
  } catch (error) {
    if (isCmsError(error) && error.kind === 'aborted') throw error;
    const failures = isCmsError(error) ? error.failures : [];
    // The client keeps the failure codes, not the body: show them as CMS wrote them.
    const text = failures.length
      ? `<failureDetails>${failures
          .map((f) => `<${f.code}${f.parameter ? ` parameter="${f.parameter}"` : ''}${f.error ? ` error="${f.error}"` : ''}/>`)
          .join('')}</failureDetails>`
      : '';
    return {
      method: 'GET',
      path: full,
      ...(isCmsError(error) && error.status !== undefined ? { status: error.status } : {}),
      text,
      error: error instanceof Error ? error.message : String(error),
    };
  }
};

function readObject<S extends z.ZodType>(answer: CheckAnswer, schema: S): z.output<S> | undefined {
  if (!answer.xml) return undefined;
  const parsed = schema.safeParse(flatten(answer.xml.node));
  return parsed.success ? parsed.data : undefined;
}

function readList<S extends z.ZodType>(answer: CheckAnswer, item: string, schema: S): { total?: number; items: Array<z.output<S>> } {
  if (!answer.xml) return { items: [] };
  const total = Number(attribute(answer.xml.node, 'total'));
  const items = children(answer.xml.node, item)
    .map((node) => schema.safeParse(flatten(node)))
    .filter((r) => r.success)
    .map((r) => r.data as z.output<S>);
  return { ...(Number.isFinite(total) ? { total } : {}), items };
}

const short = (id: string) => `${id.slice(0, 8)}…`;
const notFound = (answer: CheckAnswer) => answer.status === 404;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The guide's troubleshooting checklist for one space, run against CMS: (1) callProfiles, (2)
 * callLegProfiles, (3) the space's associations (else tenant, else /system/profiles), (4) its access
 * methods and whether each is a host way in. Every request made is kept with its answer.
 */
export async function runChecklist(spaceId: string, get: CheckGet = cmsCheckGet, signal?: AbortSignal): Promise<CheckStep[]> {
  const cache = new Map<string, Promise<CheckAnswer>>();
  const fetchOnce = (path: string) => {
    let answer = cache.get(path);
    if (!answer) {
      answer = get(path, signal);
      cache.set(path, answer);
    }
    return answer;
  };
  const strip = ({ xml: _xml, ...exchange }: CheckAnswer): CheckExchange => {
    void _xml;
    return exchange;
  };

  const spaceAnswer = await fetchOnce(`coSpaces/${spaceId}`);
  const space: CoSpace | undefined = readObject(spaceAnswer, coSpaceSchema);
  if (!space) {
    const sentence = notFound(spaceAnswer)
      ? 'CMS answered coSpaceDoesNotExist: there is no such space on this CMS, so nothing else can be checked.'
      : `CMS did not answer the space: ${spaceAnswer.error ?? 'an unreadable answer'}.`;
    return [{ id: 'space', title: 'The space', status: 'fail', sentences: [sentence], exchanges: [strip(spaceAnswer)] }];
  }

  const [tenantAnswer, systemAnswer, callProfilesAnswer, callLegProfilesAnswer, methodsAnswer] = await Promise.all([
    space.tenant ? fetchOnce(`tenants/${space.tenant}`) : Promise.resolve(undefined),
    fetchOnce('system/profiles'),
    fetchOnce('callProfiles'),
    fetchOnce('callLegProfiles'),
    fetchOnce(`coSpaces/${spaceId}/accessMethods`),
  ]);
  const tenant: Tenant | undefined = tenantAnswer && readObject(tenantAnswer, tenantSchema);
  const system: SystemProfiles = readObject(systemAnswer, systemProfilesSchema) ?? {};
  const methodList = readList(methodsAnswer, 'accessMethod', accessMethodSchema);
  const methodReads = await Promise.all(
    methodList.items.slice(0, MAX_ACCESS_METHOD_READS).map((m) => (m.id ? fetchOnce(`coSpaces/${spaceId}/accessMethods/${m.id}`) : undefined)),
  );
  const methods: AccessMethod[] = methodList.items.map((m, i) => {
    const read = methodReads[i];
    return (read && readObject(read, accessMethodSchema)) ?? m;
  });

  // --- the profiles in use, each read once ---
  const clpAt = {
    global: system.callLegProfile,
    tenant: tenant?.callLegProfile,
    coSpace: space.callLegProfile,
  };
  const cpAt = { global: system.callProfile, tenant: tenant?.callProfile, coSpace: space.callProfile };
  const clpIds = [...new Set([clpAt.global, clpAt.tenant, clpAt.coSpace, ...methods.map((m) => m.callLegProfile)].filter((id): id is string => !!id))];
  const cpIds = [...new Set([cpAt.global, cpAt.tenant, cpAt.coSpace].filter((id): id is string => !!id))];
  const clpAnswers = new Map(await Promise.all(clpIds.map(async (id) => [id, await fetchOnce(`callLegProfiles/${id}`)] as const)));
  const cpAnswers = new Map(await Promise.all(cpIds.map(async (id) => [id, await fetchOnce(`callProfiles/${id}`)] as const)));
  const clp = (id: string | undefined): CallLegProfile | undefined => {
    const answer = id ? clpAnswers.get(id) : undefined;
    return answer && readObject(answer, callLegProfileSchema);
  };
  const tenantLabel = tenant?.name ? `tenant ${tenant.name}` : 'the tenant';

  // (1) callProfiles
  const step1: CheckStep = { id: 'callProfiles', title: 'Call profiles', status: 'pass', sentences: [], exchanges: [strip(callProfilesAnswer)] };
  {
    const list = readList(callProfilesAnswer, 'callProfile', callProfileSchema);
    step1.sentences.push(`This CMS has ${plural(list.total ?? list.items.length, 'callProfile')}.`);
    const levels: CallProfileLevel[] = [];
    for (const scope of ['global', 'tenant', 'coSpace'] as const) {
      const id = cpAt[scope];
      if (!id) continue;
      const answer = cpAnswers.get(id) as CheckAnswer;
      step1.exchanges.push(strip(answer));
      if (notFound(answer)) {
        step1.status = 'fail';
        step1.sentences.push(`The ${SCOPE_LABELS[scope].toLowerCase()} level names callProfile ${id}, which does not exist (404): that level sets nothing.`);
        continue;
      }
      levels.push({ scope, profileId: id, settings: callProfileSettingsOf(readObject(answer, callProfileSchema)) });
    }
    if (cpIds.length === 0) {
      step1.status = 'info';
      step1.sentences.push('No callProfile is attached to the space, its tenant or the system: CMS defaults apply (passcodeMode is not set).');
    } else {
      const resolved = resolveCallProfile(levels);
      const mode = resolved.passcodeMode;
      const timeout = resolved.passcodeTimeout;
      step1.sentences.push(
        mode.value === undefined
          ? 'passcodeMode is set at no level.'
          : `passcodeMode ${mode.value} (from ${SCOPE_LABELS[mode.scope]}, callProfile ${short(mode.profileId ?? '')})${
              mode.value === 'timeout' ? `, passcodeTimeout ${timeout.value ?? 'not set'}${timeout.value !== undefined ? ' s' : ''}` : ''
            }. It decides how the IVR treats a blank PIN where blank and set PINs share a URI or call ID (SIP calls only).`,
      );
    }
  }

  // (2) callLegProfiles
  const step2: CheckStep = { id: 'callLegProfiles', title: 'Call leg profiles', status: 'pass', sentences: [], exchanges: [strip(callLegProfilesAnswer)] };
  {
    const list = readList(callLegProfilesAnswer, 'callLegProfile', callLegProfileSchema);
    step2.sentences.push(`This CMS has ${plural(list.total ?? list.items.length, 'callLegProfile')}; ${plural(clpIds.length, 'is', 'are')} in use by this space.`);
    const where = (id: string) => {
      const at: string[] = [];
      if (clpAt.global === id) at.push('the system');
      if (clpAt.tenant === id) at.push(tenantLabel);
      if (clpAt.coSpace === id) at.push('the space');
      const n = methods.filter((m) => m.callLegProfile === id).length;
      if (n > 0) at.push(plural(n, 'access method'));
      return at.join(', ');
    };
    let guests = 0;
    let hosts = 0;
    for (const id of clpIds) {
      const answer = clpAnswers.get(id) as CheckAnswer;
      step2.exchanges.push(strip(answer));
      if (notFound(answer)) {
        step2.status = 'fail';
        step2.sentences.push(`callLegProfile ${id}, used by ${where(id)}, does not exist (404).`);
        continue;
      }
      const needsActivation = readObject(answer, callLegProfileSchema)?.needsActivation;
      if (needsActivation === true) guests++;
      if (needsActivation === false) hosts++;
      const role = needsActivation === true ? 'a guest profile' : needsActivation === false ? 'a host profile' : 'sets no needsActivation';
      step2.sentences.push(`${short(id)} (${where(id)}): needsActivation ${needsActivation ?? 'not set'}, ${role}.`);
    }
    if (clpIds.length === 0) {
      step2.status = 'info';
      step2.sentences.push('No callLegProfile is in use: every caller gets the CMS defaults and joins as a host.');
    } else if (step2.status === 'pass' && (guests === 0 || hosts === 0)) {
      step2.status = 'warn';
      step2.sentences.push(
        guests === 0
          ? 'No profile in use sets needsActivation=true: nobody waits in a lobby.'
          : 'No profile in use sets needsActivation=false: check that hosts have a way in (members are checked on the Profiles tab).',
      );
    }
  }

  // (3) the space, then tenant, then system
  const step3: CheckStep = { id: 'space', title: 'The space', status: 'pass', sentences: [], exchanges: [strip(spaceAnswer)] };
  {
    const named = `“${space.name ?? spaceId}”`;
    if (space.callLegProfile) {
      step3.sentences.push(`${named} has callLegProfile ${short(space.callLegProfile)}${clp(space.callLegProfile) ? '' : ' (which does not exist)'}.`);
      if (!clp(space.callLegProfile)) step3.status = 'fail';
    } else {
      step3.sentences.push(`${named} has no callLegProfile of its own, so the next level applies.`);
      if (tenantAnswer) {
        step3.exchanges.push(strip(tenantAnswer));
        step3.sentences.push(
          tenant?.callLegProfile ? `It belongs to ${tenantLabel}, whose callLegProfile ${short(tenant.callLegProfile)} applies.` : `It belongs to ${tenantLabel}, which has no callLegProfile either.`,
        );
      }
      if (!tenant?.callLegProfile) {
        step3.exchanges.push(strip(systemAnswer));
        if (system.callLegProfile) step3.sentences.push(`The system's global callLegProfile ${short(system.callLegProfile)} applies.`);
        else {
          step3.status = 'warn';
          step3.sentences.push('No callLegProfile at the system level either: needsActivation is false by default, so every caller is a host.');
        }
      }
    }
    if (space.callProfile) step3.sentences.push(`Its callProfile is ${short(space.callProfile)}.`);
    else if (tenant?.callProfile) step3.sentences.push(`It has no callProfile; ${tenantLabel}'s ${short(tenant.callProfile)} applies.`);
    else if (system.callProfile) step3.sentences.push(`It has no callProfile; the system's ${short(system.callProfile)} applies.`);
    else step3.sentences.push('No callProfile at the space, tenant or system level: CMS defaults apply.');
  }

  // (4) access methods
  const step4: CheckStep = {
    id: 'accessMethods',
    title: 'Access methods',
    status: 'pass',
    sentences: [],
    exchanges: [strip(methodsAnswer), ...methodReads.filter((a): a is CheckAnswer => a !== undefined).map(strip)],
  };
  {
    const level = (scope: CallLegLevel['scope'], id: string | undefined): CallLegLevel[] =>
      id ? [{ scope, profileId: id, settings: callLegSettingsOf(clp(id)) }] : [];
    const base = [...level('global', clpAt.global), ...level('tenant', clpAt.tenant), ...level('coSpace', clpAt.coSpace)];
    const spaceRole = resolveCallLegProfile(base).needsActivation.value === true ? 'guest' : 'host';
    const total = methodList.total ?? methods.length;
    let hostMethods = 0;
    for (const method of methods) {
      const resolved = resolveCallLegProfile([...base, ...level('accessMethod', method.callLegProfile)]).needsActivation;
      const host = resolved.value !== true;
      if (host) hostMethods++;
      const address = [method.uri, method.callId && `call ID ${method.callId}`].filter(Boolean).join(', ') || 'no URI or call ID';
      const pin = method.passcode ? `PIN ${method.passcode}` : 'no PIN';
      step4.sentences.push(
        `${method.name || method.uri || method.id} (${address}, ${pin}): ${
          method.callLegProfile ? `callLegProfile ${short(method.callLegProfile)}` : 'no callLegProfile of its own'
        } → needsActivation ${resolved.value ?? 'false (default)'} from ${SCOPE_LABELS[resolved.scope]}: ${host ? 'host' : 'guest'}.`,
      );
    }
    if (total > methods.length) step4.sentences.push(`Showing ${methods.length} of ${total} access methods.`);
    if (methods.length > MAX_ACCESS_METHOD_READS) step4.sentences.push(`The first ${MAX_ACCESS_METHOD_READS} were read one by one; the rest as listed.`);
    if (total === 0) {
      step4.status = spaceRole === 'guest' ? 'warn' : 'info';
      step4.sentences.push(
        spaceRole === 'guest'
          ? 'The space has no access methods and its own addresses make guests: hosts need another way in (a member with a host profile, signed in to the web app).'
          : 'The space has no access methods.',
      );
    } else if (hostMethods === 0 && spaceRole === 'guest') {
      step4.status = 'fail';
      step4.sentences.push('No access method resolves to a host (needsActivation=false): give one the host callLegProfile.');
    } else {
      step4.sentences.push(`${plural(hostMethods, 'access method')} of ${total} ${hostMethods === 1 ? 'is a host way' : 'are host ways'} in.`);
    }
  }

  return [step1, step2, step3, step4];
}
