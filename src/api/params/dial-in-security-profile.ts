import { defineParams } from './param-def';

/**
 * `/dialInSecurityProfiles[/<id>]` (3.0 onwards). The blueprint lists the node, the references to
 * it (system, tenant, coSpace, access method) and the failure `passcodeTooShort` ("its length is
 * not compliant with the minimum allowed passcode length as specified in the effective dial-in
 * security profile"), but no parameter table: `name` and `minPasscodeLength` are assumed from that
 * sentence and the pattern of the other profiles.
 */
export const dialInSecurityProfileParams = defineParams({
  name: {
    type: 'string',
    description: 'A label for this dial-in security profile (assumed; the blueprint has no table).',
  },
  minPasscodeLength: {
    type: 'integer',
    min: 0,
    max: 32,
    description:
      'The fewest digits a coSpace or access method passcode may have where this profile is in effect; a shorter one is refused with passcodeTooShort (assumed name; the blueprint has no table).',
  },
});
