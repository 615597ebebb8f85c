import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { configureChangeJournal } from '../../../api/changes/journal-port';
import { getRunDetail } from '../../../api/resources/journal';
import { configureStudioClient } from '../../../api/resources/studio-request';
import { configureCmsClient } from '../../../api/transport/cms-client';
import { REQUESTED_BY, REQUESTED_BY_HEADER } from '../../../api/wire/requested-by';
import { LAB } from '../../../mocks/cms/seeds/lab';
import { dumpCms } from '../../../testing/cms-dump';
import { spawnStudio, type SpawnedStudio } from '../../../testing/spawn-studio';
import { GUIDE_GUEST_SETTINGS, GUIDE_HOST_SETTINGS, GUIDE_MEMBER_PERMISSIONS, wizardSchemas, type WizardInput, type WizardValues } from '../../../domain/space-planning/wizard-schema';
import { applyPlan, rollback, type ApplyOutcome } from '../../../domain/space-planning/apply';
import { planWizard, type WizardPlan } from '../../../domain/space-planning/plan';
import { preflight } from '../../../domain/space-planning/preflight';
import { readCurrentState } from '../../../domain/space-planning/read-current';

/**
 * The fault matrix: `npm start`'s server (the proxy with its built-in mock CMS behind real sockets,
 * and the journal in a temp folder) as its own process; the studio's own client and journal client
 * talk to it over HTTP. A write whose answer is lost by reset drops the socket; a hung one is given
 * up by the client after `HANG_TIMEOUT_MS`.
 */
export const HANG_TIMEOUT_MS = 1000;

/** The four ways a CMS can lose the answer to a write it applied. */
export const LOST_ANSWERS = [
  { kind: 'applyThenReset' },
  { kind: 'applyThenStatus', status: 500 },
  { kind: 'applyThenStatus', status: 503 },
  { kind: 'applyThenHang' },
] as const;

export const faultName = (fault: (typeof LOST_ANSWERS)[number]) => ('status' in fault ? `${fault.kind} ${fault.status}` : fault.kind);

/**
 * How a write whose answer is lost ends: settled by a read that shows it took effect, except a PUT
 * answered 503, which the client sends again (the same values twice are one change) and CMS applies.
 */
function lostAnswerEnd(method: string, fault: Record<string, unknown>): 'applied' | 'took-effect' {
  return method === 'PUT' && fault.status === 503 ? 'applied' : 'took-effect';
}

const endOf = (w: { outcome: string; settled?: { verdict: string } }) => (w.outcome === 'unknown' ? (w.settled?.verdict ?? 'unsettled') : w.outcome);

export const RUN = { origin: { kind: 'wizard', name: 'fault-matrix' }, title: 'Fault matrix' } as const;

export function withStudio() {
  let studio: SpawnedStudio | undefined;
  const control = async (path: string, body: unknown) => {
    const response = await fetch(`${studio?.url ?? ''}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [REQUESTED_BY_HEADER]: REQUESTED_BY },
      body: JSON.stringify(body),
    });
    expect(response.ok, `${path}: ${await response.text()}`).toBe(true);
  };
  beforeAll(async () => {
    studio = await spawnStudio({ journalInMemory: true });
    // Hung writes are given up quickly; the client retries reads, PUTs and DELETEs after a 503 at once.
    configureCmsClient({ baseUrl: studio.url, timeoutMs: HANG_TIMEOUT_MS, retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 5 } });
    configureStudioClient({ baseUrl: studio.url, retryDelayMs: 1 });
    configureChangeJournal();
  }, 60_000);
  afterAll(async () => {
    configureCmsClient();
    configureStudioClient();
    await studio?.stop();
  });
  beforeEach(() => control('/mock-cms/reset', {}));
  let lab: Promise<Record<string, string>> | undefined;
  return {
    /** the next write (1 = the next) loses its answer in this way */
    failWrite: (nth: number, fault: Record<string, unknown>) => control('/mock-cms/faults', { failWrite: { nth, ...fault } }),
    /** the dump of the freshly reset lab CMS (the same after every reset: the seed's ids and values are fixed) */
    labDump: () => (lab ??= dumpCms()),
  };
}

export type Studio = ReturnType<typeof withStudio>;

/** Guide-like settings that no lab profile has, so the run creates its profiles (POSTs without unique attributes). */
const newProfiles = (): WizardValues['profiles'] => ({
  guest: { mode: 'create', settings: { ...GUIDE_GUEST_SETTINGS, defaultLayout: 'allEqual' }, advanced: {} },
  host: { mode: 'create', settings: { ...GUIDE_HOST_SETTINGS, defaultLayout: 'allEqual' }, advanced: {} },
  guestScope: 'coSpace',
});

/** Each scenario on a new space, with every object it can create. */
export const SCENARIOS: { [S in WizardInput['scenario']]: () => WizardValues<S> } = {
  'different-uris': () => ({
    scenario: 'different-uris',
    profiles: newProfiles(),
    space: { mode: 'create', name: 'Matrix one', uri: 'matrix1.guest', callId: '7100001', passcode: '' },
    access: { uri: 'matrix1.host', callId: '7100002', passcode: '' },
  }),
  'same-uri-two-pins': () => ({
    scenario: 'same-uri-two-pins',
    profiles: newProfiles(),
    space: { mode: 'create', name: 'Matrix two', uri: 'matrix2.space', callId: '7200001', passcode: '789' },
    access: { uri: 'matrix2.space', callId: '7200002', passcode: '1234' },
  }),
  'blank-guest-pin': () => ({
    scenario: 'blank-guest-pin',
    profiles: newProfiles(),
    space: { mode: 'create', name: 'Matrix three', uri: 'matrix3.space', callId: '7300001', passcode: '' },
    callProfile: { mode: 'create', passcodeMode: 'timeout', passcodeTimeout: 7 },
    access: { uri: 'matrix3.space', callId: '7300002', passcode: '1234' },
  }),
  'members-are-hosts': () => ({
    scenario: 'members-are-hosts',
    profiles: newProfiles(),
    space: { mode: 'create', name: 'Matrix four', uri: 'matrix4', callId: '7400001', passcode: '', nonMemberAccess: true, ownerJid: 'user1@evacanoalone.net' },
    access: { uri: 'matrix4', callId: '7400001', passcode: '12345' },
    members: [
      { userJid: 'user1@evacanoalone.net', permissions: { ...GUIDE_MEMBER_PERMISSIONS } },
      { userJid: 'stejanss.movi@steven.lab', permissions: { ...GUIDE_MEMBER_PERMISSIONS, canDestroy: false } },
    ],
  }),
};

/** Variants that write what a new space does not: PUTs of an existing space and access method, and the system profiles. */
export const VARIANTS = {
  /** scenario 2 on the lab's guestpin.space: a new guest profile, then the space pointed at it (PUT), then the host PIN (PUT) */
  existingSpace: (): WizardValues<'same-uri-two-pins'> => ({
    scenario: 'same-uri-two-pins',
    profiles: { ...newProfiles(), host: { mode: 'existing', id: LAB.callLegProfiles.host } },
    space: { mode: 'existing', id: LAB.coSpaces.guestPin, name: 'Guest/Host PIN', uri: 'guestpin.space', callId: '189', passcode: '789' },
    access: { uri: 'guestpin.space', callId: '889', passcode: '4321' },
  }),
  /** scenario 1 with the guest profile on the system profiles (PUT /system/profiles) */
  systemScope: (): WizardValues<'different-uris'> => ({
    scenario: 'different-uris',
    profiles: { guest: { mode: 'existing', id: LAB.callLegProfiles.guest }, host: { mode: 'existing', id: LAB.callLegProfiles.host }, guestScope: 'system' },
    space: { mode: 'create', name: 'Matrix five', uri: 'matrix5.guest', callId: '7500001', passcode: '' },
    access: { uri: 'matrix5.host', callId: '7500002', passcode: '' },
  }),
};

export async function planFor(values: WizardValues): Promise<{ input: WizardInput; plan: WizardPlan }> {
  const input = wizardSchemas[values.scenario].parse(values) as WizardInput;
  const current = await readCurrentState(input);
  expect(await preflight(input, current)).toEqual([]);
  return { input, plan: planWizard(input, current) };
}

/** The run's writes in the journal, as the server stored them: phase, method, outcome, and the verdict of a read. */
export async function journaled(outcome: ApplyOutcome): Promise<string[]> {
  const detail = await getRunDetail(outcome.ledger.runId ?? '');
  return detail.writes.map((w) => `${w.phase} ${w.method} ${w.outcome}${w.reconciliation ? ` ${w.reconciliation.verdict}` : ''}`);
}

/**
 * Runs the plan with the answer to write `position` lost: the engine settles it by a read (it took
 * effect, so the POST is never sent again), the run completes with every other write sent once and
 * CMS holding what the wizard asked; the rollback then proves by reading that CMS is as before, and
 * a full dump agrees.
 */
export async function runWithLostAnswer(studio: Studio, values: WizardValues, position: number, fault: Record<string, unknown>) {
  const before = await studio.labDump();
  const { input, plan } = await planFor(values);
  const step = plan.steps[position - 1];
  expect(step, `the plan has a write ${position}`).toBeDefined();
  await studio.failWrite(position, fault);
  const outcome = await applyPlan(plan, RUN, { resendDelayMs: 1 });
  expect(outcome.failed?.stop).toBeUndefined();
  expect(outcome.ok).toBe(true);
  const method = outcome.ledger.writes[position - 1]?.method ?? '';
  expect(outcome.ledger.writes.map((w) => [w.key, endOf(w)])).toEqual(plan.steps.map((s) => [s.key, s.key === step?.key ? lostAnswerEnd(method, fault) : 'applied']));
  // CMS holds exactly what the wizard asked for: planning again finds nothing to send.
  const current = await readCurrentState(input);
  expect(planWizard(input, current).steps).toEqual([]);

  const { report, outcome: after } = await rollback(outcome, { resendDelayMs: 1 });
  expect(report).toMatchObject({ verified: true, differences: [], problems: [] });
  expect(await dumpCms()).toEqual(before);
  const journal = await journaled(after);
  expect(journal.filter((line) => line.startsWith('forward'))).toHaveLength(plan.steps.length);
  const settledByRead = lostAnswerEnd(method, fault) === 'took-effect' ? [`forward ${method} unknown took-effect`] : [];
  expect(journal.filter((line) => line.includes('unknown'))).toEqual(settledByRead);
}

/**
 * Runs the plan cleanly, then loses the answer to rollback write `position`: that write is settled by
 * a read too, the rollback finishes, and reads prove CMS is as before.
 */
export async function rollbackWithLostAnswer(studio: Studio, values: WizardValues, position: number, fault: Record<string, unknown>) {
  const before = await studio.labDump();
  const { plan } = await planFor(values);
  const outcome = await applyPlan(plan, RUN, { resendDelayMs: 1 });
  expect(outcome.ok).toBe(true);
  await studio.failWrite(position, fault);
  const { report, outcome: after } = await rollback(outcome, { resendDelayMs: 1 });
  expect(report).toMatchObject({ verified: true, differences: [], problems: [] });
  const rollbackWrites = after.ledger.writes.filter((w) => w.phase === 'rollback');
  const faulted = rollbackWrites[position - 1];
  expect(faulted && endOf(faulted)).toBe(lostAnswerEnd(faulted?.method ?? '', fault));
  expect(rollbackWrites.map(endOf).filter((end, i) => i !== position - 1 && end !== 'applied')).toEqual([]);
  expect(await dumpCms()).toEqual(before);
}
