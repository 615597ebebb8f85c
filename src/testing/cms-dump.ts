import { cmsClient } from '../api/transport/cms-client';
import { collectAll } from '../api/transport/paging';
import { z } from 'zod';

const entry = z.looseObject({ id: z.string() });

/**
 * Every object a write of the studio can touch, as CMS answers a GET for it (raw XML), keyed by
 * path: every space with its access methods and members, every call leg profile and call profile,
 * every tenant, the global profiles, every space template with its access method templates, every
 * LDAP template source and every user's template assignments. Two dumps are equal only when CMS is the same.
 */
export async function dumpCms(): Promise<Record<string, string>> {
  const client = cmsClient();
  const out: Record<string, string> = {};
  const ids = async (path: string, item: string) => (await collectAll(client, path, { item, schema: entry })).items.map((e) => e.id);
  const read = async (path: string) => {
    out[path] = (await client.request({ method: 'GET', path })).text;
  };
  for (const space of await ids('coSpaces', 'coSpace')) {
    await read(`coSpaces/${space}`);
    for (const am of await ids(`coSpaces/${space}/accessMethods`, 'accessMethod')) await read(`coSpaces/${space}/accessMethods/${am}`);
    for (const member of await ids(`coSpaces/${space}/coSpaceUsers`, 'coSpaceUser')) await read(`coSpaces/${space}/coSpaceUsers/${member}`);
  }
  for (const profile of await ids('callLegProfiles', 'callLegProfile')) await read(`callLegProfiles/${profile}`);
  for (const profile of await ids('callProfiles', 'callProfile')) await read(`callProfiles/${profile}`);
  for (const tenant of await ids('tenants', 'tenant')) await read(`tenants/${tenant}`);
  await read('system/profiles');
  for (const template of await ids('coSpaceTemplates', 'coSpaceTemplate')) {
    await read(`coSpaceTemplates/${template}`);
    for (const am of await ids(`coSpaceTemplates/${template}/accessMethodTemplates`, 'accessMethodTemplate')) {
      await read(`coSpaceTemplates/${template}/accessMethodTemplates/${am}`);
    }
  }
  for (const source of await ids('ldapUserCoSpaceTemplateSources', 'ldapUserCoSpaceTemplateSource')) await read(`ldapUserCoSpaceTemplateSources/${source}`);
  for (const user of await ids('users', 'user')) {
    for (const assignment of await ids(`users/${user}/userCoSpaceTemplates`, 'userCoSpaceTemplate')) await read(`users/${user}/userCoSpaceTemplates/${assignment}`);
  }
  return out;
}
