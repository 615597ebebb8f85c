import { LAYOUTS } from './layouts';
import { defineParams } from './param-def';

/**
 * `/coSpaces` and `/coSpaces/<id>` (blueprint "Group coSpace Related Methods" and the `coSpace`
 * data structure). The `id` attribute of `<coSpace id="…">` is not a parameter and is not listed.
 * PUT: an omitted parameter is unchanged, an empty value unsets it.
 */
export const coSpaceParams = defineParams({
  name: {
    type: 'string',
    // not in the blueprint: the studio keeps a space name to 200 characters (assumed CMS limit).
    maxLength: 200,
    description: "The human-readable name shown on clients' UI for this space.",
  },
  uri: {
    type: 'uriUserPart',
    // not in the blueprint: a SIP URI user part is kept to 254 characters (assumed CMS limit).
    maxLength: 254,
    description:
      "The URI user part (before any '@') that a SIP system dials to reach this space.",
  },
  secondaryUri: {
    type: 'uriUserPart',
    maxLength: 254,
    description:
      'A second URI user part for this space, checked for validity and uniqueness like uri.',
  },
  callId: {
    type: 'digits',
    // not in the blueprint: call IDs and passcodes are kept to 32 digits (assumed CMS limit).
    maxLength: 32,
    description:
      'The numeric ID a user enters at the IVR (or via a web client) to connect to this space.',
  },
  cdrTag: {
    type: 'string',
    maxLength: 100,
    description:
      'Up to 100 characters of free text written as "cdrTag" to the callStart CDR of calls in this space.',
  },
  passcode: {
    type: 'digits',
    maxLength: 32,
    sensitive: true,
    description: 'The security code (PIN) for this space.',
  },
  defaultLayout: {
    type: 'enum',
    // blueprint: the POST table lists onePlusN; the `defaultLayout (enum)` data structure stops at automatic.
    values: LAYOUTS,
    description: 'The default layout for new call legs in this space.',
  },
  tenant: {
    type: 'id',
    ref: 'tenant',
    // blueprint: the GET table says "associates the specified call leg profile with this tenant"
    // (copy-paste slip); the POST table and data structure say what is written here.
    description: 'If provided, associates the specified tenant with this space.',
  },
  callLegProfile: {
    type: 'id',
    ref: 'callLegProfile',
    description: 'If provided, associates the specified call leg profile with this space.',
  },
  callProfile: {
    type: 'id',
    ref: 'callProfile',
    description: 'If provided, associates the specified call profile with this space.',
  },
  callBrandingProfile: {
    type: 'id',
    ref: 'callBrandingProfile',
    description: 'If provided, associates the specified call branding profile with this space.',
  },
  dialInSecurityProfile: {
    type: 'id',
    ref: 'dialInSecurityProfile',
    since: '3.0',
    description: 'If provided, associates the specified dial-in security profile with this space.',
  },
  requireCallId: {
    type: 'boolean',
    access: 'writeOnly',
    // blueprint: the data structure shows `requireCallId: true`, but the POST table describes it
    // as an opt-in ("if this value is supplied as true"), so no default is recorded.
    description:
      'If supplied as true and the space has no callId, CMS assigns a new auto-generated call ID.',
  },
  secret: {
    type: 'string',
    sensitive: true,
    since: '1.7',
    description:
      'The security string that must accompany the callId for guest access; chosen automatically if absent and the space has a callId.',
  },
  regenerateSecret: {
    type: 'boolean',
    access: 'writeOnly',
    putOnly: true,
    default: false,
    since: '1.7',
    description:
      'If true, a new secret is generated and the old one (and any link containing it) stops working; false has no effect.',
  },
  nonMemberAccess: {
    type: 'boolean',
    default: true,
    since: '2.0',
    description: 'Whether non-members of the space can access it.',
  },
  ownerJid: {
    type: 'string',
    since: '2.0',
    description: 'The JID of the user who owns this space.',
  },
  streamUrl: {
    type: 'url',
    since: '2.1',
    description: 'Where the space is streamed to, if streaming is started.',
  },
  ownerAdGuid: {
    // blueprint type: ID, but it is an Active Directory GUID, not a CMS object id.
    type: 'string',
    since: '2.1',
    description: 'If provided, the space is owned by the user with this AD GUID.',
  },
  meetingScheduler: {
    type: 'string',
    since: '2.2',
    description:
      'Name of the person (not necessarily a user) who scheduled this space; propagated to its calls as "ownerName".',
  },
  panePlacementHighestImportance: {
    type: 'integer',
    since: '2.4',
    description:
      'If provided, activates pane placement for this space with importance values from this value down to 1.',
  },
  panePlacementSelfPaneMode: {
    type: 'enum',
    // blueprint: written `'unset'` (with quotes) in the value list.
    values: ['skip', 'self', 'blank', 'unset'],
    // blueprint: `skip` is bold and described as "(default)", but the notes say "By default,
    // panePlacementSelfPaneMode is set to 'unset'" (which falls back to skip when nothing above is set).
    default: 'unset',
    since: '2.7',
    description:
      "With pane placement active, what an endpoint sees in its own pane: skip it, show itself, a blank pane, or 'unset' (use the call's, then the space's setting, then skip).",
  },

  // --- returned by GET only ---
  autoGenerated: {
    type: 'boolean',
    access: 'readOnly',
    description:
      'True if the space was created by an LDAP sync (then only the sync can remove it); false if created via the API or Cisco Meeting App.',
  },
  numAccessMethods: {
    type: 'integer',
    access: 'readOnly',
    description: 'The number of additional access methods configured for this space.',
  },
  ownerId: {
    type: 'id',
    ref: 'user',
    access: 'readOnly',
    // blueprint: not in any table; present in the single-coSpace GET example next to ownerJid.
    description: 'The id of the user who owns this space (the user named by ownerJid).',
  },
});

/**
 * The order a single coSpace's elements come in: the blueprint's GET example (name, autoGenerated,
 * uri, callId, nonMemberAccess, ownerId, ownerJid, secret) merged with the guide's XML
 * (…callId, callLegProfile, passcode, callProfile, secret, numAccessMethods). Elements neither
 * shows sit next to their kin; parameters not listed follow in table order.
 */
export const coSpaceElementOrder = [
  'name',
  'autoGenerated',
  'uri',
  'secondaryUri',
  'callId',
  'cdrTag',
  'tenant',
  'callLegProfile',
  'passcode',
  'callProfile',
  'callBrandingProfile',
  'dialInSecurityProfile',
  'defaultLayout',
  'nonMemberAccess',
  'ownerId',
  'ownerJid',
  'ownerAdGuid',
  'streamUrl',
  'meetingScheduler',
  'panePlacementHighestImportance',
  'panePlacementSelfPaneMode',
  'secret',
  'numAccessMethods',
] as const satisfies ReadonlyArray<keyof typeof coSpaceParams>;
