import { z } from 'zod';
import { accessMethodParams } from './access-method';
import { callBridgeParams } from './call-bridge';
import { callLegParams } from './call-leg';
import { callLegProfileParams } from './call-leg-profile';
import { callParams } from './call';
import { callProfileParams } from './call-profile';
import { coSpaceParams } from './co-space';
import { coSpaceUserParams } from './co-space-user';
import {
  accessMethodTemplateParams,
  coSpaceTemplateParams,
  ldapUserCoSpaceTemplateSourceParams,
  userCoSpaceTemplateParams,
} from './co-space-template';
import { cospaceBulkParameterSetParams } from './cospace-bulk-parameter-set';
import { cospaceBulkSyncParams } from './cospace-bulk-sync';
import { participantParams } from './participant';
import { readSchema } from './schema';
import { systemProfilesParams } from './system-profiles';
import { systemStatusParams } from './system-status';
import { tenantParams } from './tenant';
import { userParams } from './user';
import { attribute, children, flatten, type XmlNode } from '../wire/xml';

export const coSpaceSchema = readSchema(coSpaceParams);
export type CoSpace = z.infer<typeof coSpaceSchema>;
export const accessMethodSchema = readSchema(accessMethodParams);
export type AccessMethod = z.infer<typeof accessMethodSchema>;
export const coSpaceUserSchema = readSchema(coSpaceUserParams);
export type CoSpaceUser = z.infer<typeof coSpaceUserSchema>;
export const callLegProfileSchema = readSchema(callLegProfileParams);
export type CallLegProfile = z.infer<typeof callLegProfileSchema>;
export const callProfileSchema = readSchema(callProfileParams);
export type CallProfile = z.infer<typeof callProfileSchema>;
export const tenantSchema = readSchema(tenantParams);
export type Tenant = z.infer<typeof tenantSchema>;
export const systemProfilesSchema = readSchema(systemProfilesParams);
export type SystemProfiles = z.infer<typeof systemProfilesSchema>;
export const systemStatusSchema = readSchema(systemStatusParams);
export type SystemStatus = z.infer<typeof systemStatusSchema>;
export const callBridgeSchema = readSchema(callBridgeParams);
export type CallBridge = z.infer<typeof callBridgeSchema>;
export const userSchema = readSchema(userParams);
export type User = z.infer<typeof userSchema>;
export const callSchema = readSchema(callParams);
export type Call = z.infer<typeof callSchema>;
export const participantSchema = readSchema(participantParams);
export type Participant = z.infer<typeof participantSchema>;
export const cospaceBulkParameterSetSchema = readSchema(cospaceBulkParameterSetParams);
export type CospaceBulkParameterSet = z.infer<typeof cospaceBulkParameterSetSchema>;
export const cospaceBulkSyncSchema = readSchema(cospaceBulkSyncParams);
export type CospaceBulkSync = z.infer<typeof cospaceBulkSyncSchema>;
export const coSpaceTemplateSchema = readSchema(coSpaceTemplateParams);
export type CoSpaceTemplate = z.infer<typeof coSpaceTemplateSchema>;
export const accessMethodTemplateSchema = readSchema(accessMethodTemplateParams);
export type AccessMethodTemplate = z.infer<typeof accessMethodTemplateSchema>;
export const userCoSpaceTemplateSchema = readSchema(userCoSpaceTemplateParams);
export type UserCoSpaceTemplate = z.infer<typeof userCoSpaceTemplateSchema>;
export const ldapUserCoSpaceTemplateSourceSchema = readSchema(ldapUserCoSpaceTemplateSourceParams);
export type LdapUserCoSpaceTemplateSource = z.infer<typeof ldapUserCoSpaceTemplateSourceSchema>;

const legOverridesSchema = readSchema(callLegParams);

/** A call leg: top-level elements, with the per-leg profile overrides CMS nests in `<configuration>`. */
export const callLegSchema = z
  .looseObject({ configuration: z.unknown().optional(), status: z.unknown().optional() })
  .transform((raw, ctx) => {
    const config = raw.configuration && typeof raw.configuration === 'object' ? flatten(raw.configuration as XmlNode) : {};
    const top = legOverridesSchema.safeParse(raw);
    const nested = legOverridesSchema.safeParse(config);
    if (!top.success || !nested.success) {
      for (const issue of [...(top.error?.issues ?? []), ...(nested.error?.issues ?? [])]) ctx.addIssue({ code: 'custom', message: issue.message });
      return z.NEVER;
    }
    const status = raw.status && typeof raw.status === 'object' ? flatten(raw.status as XmlNode) : {};
    // <deactivated> says whether CMS holds the leg in the lobby (needsActivation with no activator present).
    const deactivated = status.deactivated === 'true' ? true : status.deactivated === 'false' ? false : undefined;
    return { ...top.data, configuration: nested.data, state: typeof status.state === 'string' ? status.state : undefined, deactivated };
  });
export type CallLeg = z.infer<typeof callLegSchema>;

export const usageScopes = ['global', 'tenant', 'coSpace', 'accessMethod', 'coSpaceUser'] as const;

/** `<callLegProfileUsage id total><global/><coSpace id=…/>…` as a list of uses. */
export const callLegProfileUsageSchema = z
  .looseObject({ id: z.string(), total: z.coerce.number().int().nonnegative() })
  .transform((raw) => {
    const uses = usageScopes.flatMap((scope) => {
      const entries = raw[scope] === undefined ? [] : Array.isArray(raw[scope]) ? (raw[scope] as XmlNode[]) : [raw[scope] as XmlNode];
      return entries.map((entry) => ({
        scope,
        id: attribute(entry, 'id'),
        coSpace: attribute(entry, 'coSpace'),
      }));
    });
    return { id: raw.id, total: raw.total, uses };
  });
export type CallLegProfileUsage = z.infer<typeof callLegProfileUsageSchema>;

export const traceScopes = ['global', 'tenant', 'coSpace', 'accessMethod', 'coSpaceUser', 'callOut', 'callLeg'] as const;
export type TraceScope = (typeof traceScopes)[number];

/** `<callLegProfileTrace callLeg=…><profile scope=…><callLegProfile id=…>…` as ordered levels. */
export const callLegProfileTraceSchema = z
  .looseObject({ callLeg: z.string().optional(), profile: z.unknown().optional() })
  .transform((raw, ctx) => {
    const profiles = raw.profile === undefined ? [] : Array.isArray(raw.profile) ? (raw.profile as XmlNode[]) : [raw.profile as XmlNode];
    const levels = profiles.map((profile) => {
      const scope = attribute(profile, 'scope');
      const inner = children(profile, 'callLegProfile')[0];
      const settings = callLegProfileSchema.safeParse(inner === undefined ? {} : flatten(inner));
      if (!settings.success) ctx.addIssue({ code: 'custom', message: settings.error.issues[0]?.message ?? 'bad callLegProfile' });
      if (!traceScopes.includes(scope as TraceScope)) ctx.addIssue({ code: 'custom', message: `unknown trace scope "${scope}"` });
      const { id, ...values } = settings.data ?? {};
      return { scope: scope as TraceScope, profileId: id, settings: values };
    });
    return { callLeg: raw.callLeg, levels };
  });
export type CallLegProfileTrace = z.infer<typeof callLegProfileTraceSchema>;
