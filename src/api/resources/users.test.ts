import { describe, expect, it } from 'vitest';
import { failureForField } from '../transport/failure-fields';
import { createSpaceMember } from './spaces';
import { LAB, withMockCms } from '../../testing/mock-cms';
import { getUser, listAllUsers, listUsers, userQueries } from './users';

withMockCms();

describe('users', () => {
  it('reads user1 by its exact id and finds users by filter', async () => {
    expect(await getUser(LAB.users.user1)).toMatchObject({ id: LAB.users.user1, userJid: 'user1@evacanoalone.net', name: 'User One' });
    expect((await listUsers({ filter: 'steven.lab' })).total).toBe(2);
    expect((await listAllUsers()).items).toHaveLength(3);
  });

  it('maps an unknown member userJid onto the userJid field', async () => {
    const error = await createSpaceMember(LAB.coSpaces.global, { userJid: 'nobody@example.com' }).catch((e: unknown) => e);
    expect(failureForField(error, 'userJid')?.code).toBe('userDoesNotExist');
  });

  it('keys under [cms, users]', () => {
    expect(userQueries.detail('u').queryKey).toEqual(['cms', 'users', 'detail', 'u']);
  });
});
