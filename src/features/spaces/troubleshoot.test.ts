import { describe, expect, it } from 'vitest';
import { deleteCallLegProfile } from '../../api/resources/call-leg-profiles';
import { createSpace } from '../../api/resources/spaces';
import { LAB, withMockCms } from '../../testing/mock-cms';
import { runChecklist } from './troubleshoot';

withMockCms();

const byId = (steps: Awaited<ReturnType<typeof runChecklist>>) => new Map(steps.map((s) => [s.id, s]));

describe('the troubleshooting checklist against the lab', () => {
  it('Guest.space: guest profile on the space, a host access method', async () => {
    const steps = byId(await runChecklist(LAB.coSpaces.guest));
    expect([...steps.keys()]).toEqual(['callProfiles', 'callLegProfiles', 'space', 'accessMethods']);
    expect(steps.get('callProfiles')).toMatchObject({ status: 'info' });
    expect(steps.get('callLegProfiles')?.status).toBe('pass');
    expect(steps.get('space')?.status).toBe('pass');
    const methods = steps.get('accessMethods')!;
    expect(methods.status).toBe('pass');
    expect(methods.sentences.join(' ')).toMatch(/host\.space .*needsActivation false from Access method: host/);
    expect(methods.exchanges.map((e) => e.path)).toContain(`/api/v1/coSpaces/${LAB.coSpaces.guest}/accessMethods/${LAB.accessMethods.host}`);
    expect(methods.exchanges.every((e) => e.status === 200 && e.text.startsWith('<?xml'))).toBe(true);
  });

  it('guestpin.space: the callProfile with passcodeMode timeout', async () => {
    const step = byId(await runChecklist(LAB.coSpaces.guestPin)).get('callProfiles')!;
    expect(step.status).toBe('pass');
    expect(step.sentences.join(' ')).toContain('passcodeMode timeout (from Space');
    expect(step.exchanges.map((e) => e.path)).toContain(`/api/v1/callProfiles/${LAB.callProfiles.passcodeTimeout}`);
  });

  it('Acme lobby: no profile on the space, the tenant level applies', async () => {
    const step = byId(await runChecklist(LAB.coSpaces.tenantLobby)).get('space')!;
    expect(step.status).toBe('pass');
    expect(step.sentences.join(' ')).toContain('tenant Acme, whose callLegProfile 9a3e4f6b… applies');
    expect(step.exchanges.map((e) => e.path)).toContain(`/api/v1/tenants/${LAB.tenants.acme}`);
  });

  it('fails the access methods step for a guest-only space, and names a deleted profile', async () => {
    const id = await createSpace({ name: 'Lonely', uri: 'lonely.space', callLegProfile: LAB.callLegProfiles.guest });
    let steps = byId(await runChecklist(id));
    expect(steps.get('accessMethods')?.status).toBe('warn');

    await deleteCallLegProfile(LAB.callLegProfiles.guest);
    steps = byId(await runChecklist(id));
    expect(steps.get('callLegProfiles')?.status).toBe('fail');
    expect(steps.get('callLegProfiles')?.sentences.join(' ')).toContain(`${LAB.callLegProfiles.guest}, used by the space, does not exist (404)`);
    const failed = steps.get('callLegProfiles')!.exchanges.find((e) => e.status === 404)!;
    expect(failed.text).toContain('<callLegProfileDoesNotExist/>');
  });

  it('stops at a space that does not exist', async () => {
    const steps = await runChecklist('00000000-0000-4000-8000-000000000000');
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatchObject({ id: 'space', status: 'fail' });
    expect(steps[0]?.sentences[0]).toContain('coSpaceDoesNotExist');
  });
});
