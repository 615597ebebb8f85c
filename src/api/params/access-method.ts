import { defineParams } from './param-def';

/**
 * `/coSpaces/<coSpace id>/accessMethods[/<accessMethod id>]` (blueprint "Multiple coSpace Access
 * Methods" and the `accessMethod` data structure): extra URI / call ID / passcode combinations for a
 * space, each optionally with its own call leg profile.
 */
export const accessMethodParams = defineParams({
  uri: {
    type: 'uriUserPart',
    // not in the blueprint: the same limits as the space's (see co-space.ts).
    maxLength: 254,
    description: 'The URI user part used to dial in via this access method.',
  },
  callId: {
    // blueprint: the tables spell it callId; the data structure spells it callID.
    type: 'digits',
    maxLength: 32,
    description:
      'The call ID used to connect via this access method (using the IVR or Web Bridge login).',
  },
  passcode: {
    type: 'digits',
    maxLength: 32,
    sensitive: true,
    description: 'A passcode required for this access method.',
  },
  name: {
    type: 'string',
    since: '2.9',
    description: 'The name associated with this access method.',
  },
  callLegProfile: {
    type: 'id',
    ref: 'callLegProfile',
    description: 'The call leg profile applied to calls that join via this access method.',
  },
  secret: {
    type: 'string',
    sensitive: true,
    since: '1.7',
    // blueprint: not in the GET table, but returned in the individual GET example.
    description:
      'The security string that must accompany the callId for guest access via this access method; chosen automatically if absent and it has a callId.',
  },
  regenerateSecret: {
    type: 'boolean',
    access: 'writeOnly',
    putOnly: true,
    since: '1.7',
    description:
      'If true, a new secret is generated and the old one (and any link containing it) stops working; false has no effect.',
  },
  scope: {
    type: 'enum',
    // blueprint: public|private. `member` is not in it, but a public CMS client sends scope=member to
    // every CMS newer than 3.1, and this studio (and its mock, which reports 3.9.0) target 3.x.
    values: ['public', 'private', 'member'],
    description:
      'Whether members of the space can see this access method in Cisco Meeting App (public) or not (private); a public one stops the app editing the space details.',
  },
  importance: {
    type: 'integer',
    max: 2147483647,
    since: '2.4',
    description: 'The importance given to every participant who joins via this access method.',
  },
  dialInSecurityProfile: {
    type: 'id',
    ref: 'dialInSecurityProfile',
    since: '3.0',
    description:
      'If provided, associates the specified dial-in security profile with this access method.',
  },
});

/** A single access method as the blueprint's example and the guide's XML print it: uri, callId, passcode, callLegProfile, secret. */
export const accessMethodElementOrder = [
  'uri',
  'callId',
  'passcode',
  'name',
  'callLegProfile',
  'scope',
  'importance',
  'dialInSecurityProfile',
  'secret',
] as const satisfies ReadonlyArray<keyof typeof accessMethodParams>;
