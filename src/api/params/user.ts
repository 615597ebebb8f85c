import { defineParams } from './param-def';

/**
 * `GET /users[/<id>]`: users come from LDAP syncs, so the API only reads them
 * (DELETE of an LDAP-generated user is an invalidOperation).
 */
export const userParams = defineParams({
  userJid: {
    type: 'string',
    access: 'readOnly',
    description: "The user's JID.",
  },
  tenant: {
    type: 'id',
    ref: 'tenant',
    access: 'readOnly',
    description: 'The tenant this user belongs to, if any.',
  },
  name: {
    type: 'string',
    access: 'readOnly',
    description: "The user's display name.",
  },
  email: {
    type: 'string',
    access: 'readOnly',
    description: "The user's email address, e.g. first.last@mail.example.com.",
  },
  authenticationId: {
    type: 'string',
    access: 'readOnly',
    since: '1.8',
    description:
      'The id checked against the certificate the user presents for certificate-based authentication.',
  },
  userProfile: {
    type: 'id',
    ref: 'userProfile',
    access: 'readOnly',
    since: '2.0',
    description: 'If present, the user profile associated with this user.',
  },
});
