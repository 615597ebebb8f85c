/**
 * One table per CMS object describes its parameters as the blueprint documents them.
 * The same table derives the XML read schema, the form-write schema, the mock CMS's validation
 * and the profile resolver's parameter list, so CMS knowledge lives in exactly one place.
 */
export type ObjectKind =
  | 'coSpace'
  | 'accessMethod'
  | 'coSpaceUser'
  | 'coSpaceTemplate'
  | 'callLegProfile'
  | 'callProfile'
  | 'callBrandingProfile'
  | 'dtmfProfile'
  | 'tenant'
  | 'tenantGroup'
  | 'user'
  | 'call'
  | 'callLeg'
  | 'participant'
  | 'callBridge'
  | 'callBridgeGroup'
  | 'cospaceBulkParameterSet'
  | 'ivrBrandingProfile'
  | 'compatibilityProfile'
  | 'userProfile'
  | 'webBridgeProfile'
  | 'dialInSecurityProfile'
  | 'layoutTemplate'
  | 'inboundDialPlanRule'
  | 'ivr'
  | 'webBridge';

export type ParamType =
  | { type: 'boolean' }
  | { type: 'integer'; min?: number; max?: number }
  | { type: 'enum'; values: readonly string[] }
  | { type: 'string'; maxLength?: number }
  /** a lowercase GUID pointing at another object */
  | { type: 'id'; ref?: ObjectKind }
  /** the user part of a SIP URI, no domain */
  | { type: 'uriUserPart'; maxLength?: number }
  /** numeric-only string: call IDs and passcodes */
  | { type: 'digits'; maxLength?: number }
  | { type: 'url' }
  | { type: 'dateTime' };

export type ParamAccess =
  /** sent by POST/PUT and returned by GET */
  | 'readWrite'
  /** returned by GET only (CMS computes it) */
  | 'readOnly'
  /** accepted by POST/PUT but never returned (e.g. regenerateSecret) */
  | 'writeOnly';

export type ParamValue = string | number | boolean;

export type ParamDef = ParamType & {
  description: string;
  /** the CMS default the blueprint documents (bold value or "defaults to"); absent when undocumented */
  default?: ParamValue;
  /** first CMS version that has it, as the blueprint says ("1.8", "2.2") */
  since?: string;
  /** UI grouping; callLegProfile uses it for the resolution matrix */
  group?: string;
  access?: ParamAccess;
  /** only valid on PUT */
  putOnly?: boolean;
  /** mandatory on POST */
  required?: boolean;
  /** value is a secret: masked in logs and the UI (passcode, secret, password) */
  sensitive?: boolean;
};

export type ParamTable = Readonly<Record<string, ParamDef>>;

export function defineParams<const T extends ParamTable>(table: T): T {
  return table;
}
