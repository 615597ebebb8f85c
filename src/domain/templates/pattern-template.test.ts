import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChanges } from '../../api/changes/run-changes';
import { createCallLegProfile } from '../../api/resources/call-leg-profiles';
import { listAllCallLegProfiles } from '../../api/resources/call-leg-profiles';
import { getCoSpaceTemplate, listAllAccessMethodTemplates, listAllCoSpaceTemplates, listAllUserCoSpaceTemplates } from '../../api/resources/co-space-templates';
import { configureMockSimulation, simulateCreateSpace, simulateDialIn } from '../../api/resources/mock-simulation';
import { dumpCms } from '../../testing/cms-dump';
import { LAB, TEST_CMS_URL, withMockCms } from '../../testing/mock-cms';
import { joinPaths } from '../profile-resolution/join-paths';
import { loadSpaceModel } from '../profile-resolution/load-space-model';
import { applyTemplatePlan } from './apply-template-plan';
import { patternDefaults, patternTemplateSchema, planPatternTemplate, type PatternTemplateValues } from './pattern-template';
import { readKnownProfiles } from './read-profiles';

const { mock } = withMockCms();
beforeAll(() => configureMockSimulation({ baseUrl: TEST_CMS_URL }));
afterAll(() => configureMockSimulation());
const options = { resendDelayMs: 1 };

const input = (values: Partial<PatternTemplateValues> & Pick<PatternTemplateValues, 'pattern'>) =>
  patternTemplateSchema.parse({ ...patternDefaults(values.pattern), ...values });

const ops = (plan: ReturnType<typeof planPatternTemplate>) => plan.steps.map((s) => s.operation);

describe('a guest/host pattern as a CMS space template', () => {
  it('with no identical profiles on CMS, creates the guide’s guest and host profiles (and the blank-PIN call profile) and refers to them', () => {
    const plan = planPatternTemplate(input({ pattern: 'blank-guest-pin', name: 'Blank' }), { callLegProfiles: [], callProfiles: [] });
    expect(ops(plan)).toEqual([
      { op: 'createCallLegProfile', form: expect.objectContaining({ needsActivation: true, deactivationMode: 'deactivate' }) },
      { op: 'createCallLegProfile', form: expect.objectContaining({ needsActivation: false }) },
      { op: 'createCallProfile', form: { passcodeMode: 'timeout', passcodeTimeout: 5 } },
      { op: 'createCoSpaceTemplate', form: { name: 'Blank', callLegProfile: { ref: 'guestProfile' }, callProfile: { ref: 'callProfile' } } },
      { op: 'createAccessMethodTemplate', template: { ref: 'template' }, form: { name: 'Host', callLegProfile: { ref: 'hostProfile' }, generateUniqueCallId: true } },
    ]);
    expect(plan.limits.join(' ')).toMatch(/carries no PIN.*"Using Access Method templates".*host PIN/);
  });

  it('reuses the lab’s profiles that have exactly the guide’s settings, and a chosen one that does not fit its role is a problem on its field', async () => {
    const known = await readKnownProfiles();
    const plan = planPatternTemplate(input({ pattern: 'different-uris', name: 'Two URIs' }), known);
    expect(plan.profiles.map((p) => [p.role, p.mode])).toEqual([['guest', 'reused'], ['host', 'reused']]);
    expect(ops(plan).map((o) => o.op)).toEqual(['createCoSpaceTemplate', 'createAccessMethodTemplate']);
    const chosen = planPatternTemplate(input({ pattern: 'different-uris', name: 'X', guestProfile: LAB.callLegProfiles.host, hostProfile: LAB.callLegProfiles.host }), known);
    expect(chosen.problems).toEqual([{ field: 'guestProfile', message: expect.stringContaining('needsActivation = true') }]);
  });

  it('a profile that sets one parameter more is not identical: a new one is created', async () => {
    await createCallLegProfile({ needsActivation: false, defaultLayout: 'speakerOnly', presentationContributionAllowed: true, rxAudioMute: false, rxVideoMute: false, participantLabels: true });
    const known = await readKnownProfiles();
    const plan = planPatternTemplate(input({ pattern: 'different-uris', name: 'Two URIs' }), {
      ...known,
      callLegProfiles: known.callLegProfiles.filter((p) => !new Set<string>([LAB.callLegProfiles.host, LAB.callLegProfiles.host4]).has(p.id.toLowerCase())),
    });
    expect(plan.profiles.find((p) => p.role === 'host')?.mode).toBe('create');
  });

  it('refuses a uriGenerator CMS would refuse or that clashes with the space, and a host way in nobody can dial', () => {
    const issues = (values: Partial<PatternTemplateValues>) =>
      patternTemplateSchema.safeParse({ ...patternDefaults('different-uris'), ...values }).error?.issues.map((i) => [i.path.join('.'), i.message]) ?? [];
    expect(issues({ uriGenerator: 'host.$.$' })).toEqual([['uriGenerator', expect.stringContaining("exactly one '$'")]]);
    expect(issues({ uriGenerator: '$' })).toEqual([['uriGenerator', expect.stringContaining('duplicateCoSpaceUriPasscode')]]);
    expect(issues({ uriGenerator: '', generateUniqueCallId: false })).toEqual([['generateUniqueCallId', expect.stringContaining('could not be dialled')]]);
    expect(issues({ name: '' })).toEqual([['name', expect.stringContaining('Enter a name')]]);
  });

  it('applied, assigned to user1 and used by user1 in the web app: guests on the space’s URI wait (guest role), hosts on <uri>.host are hosts', async () => {
    const chosen = input({ pattern: 'different-uris', name: 'Two URIs' });
    const plan = planPatternTemplate(chosen, await readKnownProfiles());
    const { ledger, rollback } = await applyTemplatePlan(chosen, plan, options);
    expect(rollback).toBeUndefined();
    const template = ledger.refs.template ?? '';
    expect(await getCoSpaceTemplate(template)).toMatchObject({ name: 'Two URIs', callLegProfile: LAB.callLegProfiles.guest, numAccessMethodTemplates: 1 });
    expect((await listAllAccessMethodTemplates(template)).items).toMatchObject([{ name: 'Host', uriGenerator: '$.host', callLegProfile: LAB.callLegProfiles.host, generateUniqueCallId: true }]);

    await runChanges({ origin: { kind: 'page', name: 'test' }, title: 'Assign', steps: [{ key: 'a', title: 'Assign', operation: { op: 'assignCoSpaceTemplate', user: LAB.users.user1, form: { coSpaceTemplate: template } } }] });
    expect((await listAllUserCoSpaceTemplates(LAB.users.user1)).items).toMatchObject([{ coSpaceTemplate: template }]);

    const made = await simulateCreateSpace({ userJid: 'user1@evacanoalone.net', coSpaceTemplate: template, name: 'Weekly review' });
    const roles = joinPaths(await loadSpaceModel(made.space.id)).map((p) => [p.kind, p.uri ?? p.callId, p.role]);
    expect(roles).toEqual([
      ['spaceUri', 'weekly.review', 'guest'],
      ['spaceCallId', made.space.callId, 'guest'],
      ['accessMethod', 'weekly.review.host', 'host'],
      // the owner CMS adds as a member has no profile of its own: signed in, they join as a guest (see patternLimits)
      ['member', undefined, 'guest'],
    ]);
    // The mock's own call model agrees: a caller on the space's URI waits as a guest, one on the host URI is a host.
    expect((await simulateDialIn({ uri: 'weekly.review', pin: '#', name: 'Visitor' })).leg).toMatchObject({ role: 'guest', state: 'lobby' });
    expect((await simulateDialIn({ uri: 'weekly.review.host', pin: '#', name: 'Host' })).leg).toMatchObject({ role: 'host' });
  });

  it('when CMS refuses a write, what the run created is deleted again and CMS is as before', async () => {
    const chosen = input({ pattern: 'blank-guest-pin', name: 'Blank' });
    const plan = planPatternTemplate(chosen, { callLegProfiles: [], callProfiles: [] });
    const before = await dumpCms();
    const profilesBefore = (await listAllCallLegProfiles()).items.length;
    mock.faults.failWrite = { nth: 5, kind: 'refuse', status: 400, code: 'coSpaceTemplateDoesNotExist' };
    const { ledger, rollback } = await applyTemplatePlan(chosen, plan, options);
    expect(ledger.stop?.reason).toBe('refused');
    expect(rollback?.report.verified).toBe(true);
    expect((await listAllCallLegProfiles()).items).toHaveLength(profilesBefore);
    expect((await listAllCoSpaceTemplates()).items.map((t) => t.name)).not.toContain('Blank');
    expect(await dumpCms()).toEqual(before);
  });
});
