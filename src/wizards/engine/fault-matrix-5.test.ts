import { describe, expect, it } from 'vitest';
import { getRunDetail } from '../../api/resources/journal';
import { exchangeLog } from '../../api/transport/exchange-log';
import { LAB } from '../../mocks/cms/seeds/lab';
import { dumpCms } from '../../testing/cms-dump';
import { applyPlan, rollback } from '../../domain/space-planning/apply';
import { faultName, LOST_ANSWERS, planFor, rollbackWithLostAnswer, RUN, runWithLostAnswer, VARIANTS, withStudio } from './testing/fault-matrix';

const studio = withStudio();
const faults = LOST_ANSWERS.map((fault) => [faultName(fault), fault] as const);
const sent = () => exchangeLog.entries().map((e) => `${e.method} ${e.path}${e.status === undefined ? '' : ` ${e.status}`}`);

describe('an existing space and access method changed by PUT, a new profile they point at', () => {
  it('plans a POST, then PUTs of what already exists', async () => {
    const { plan } = await planFor(VARIANTS.existingSpace());
    expect(plan.requests.map((r) => `${r.method} ${r.path} ${Object.keys(r.form).join(',')}`)).toEqual([
      'POST /callLegProfiles needsActivation,defaultLayout,presentationContributionAllowed,rxAudioMute,rxVideoMute,deactivationMode',
      `PUT /coSpaces/${LAB.coSpaces.guestPin} passcode,callLegProfile`,
      `PUT /coSpaces/${LAB.coSpaces.guestPin}/accessMethods/${LAB.accessMethods.guestPinHost} passcode`,
    ]);
  });

  describe.each(faults)('%s', (_name, fault) => {
    it.each([1, 2, 3])('write %i is settled and the rollback proves CMS is as before', (position) => runWithLostAnswer(studio, VARIANTS.existingSpace(), position, fault));
    it.each([1, 2, 3])('rollback write %i is settled by a read too, and the rollback still proves itself', (position) =>
      rollbackWithLostAnswer(studio, VARIANTS.existingSpace(), position, fault),
    );
  });

  it('a restore that fails keeps the profile the space points at, says exactly what differs, and a retry fixes it', async () => {
    const before = await studio.labDump();
    const { plan } = await planFor(VARIANTS.existingSpace());
    const outcome = await applyPlan(plan, RUN);
    const profile = outcome.refs.guestProfile ?? '';
    // Rollback writes: the access method's PIN back, the space back (refused here), then the profile's DELETE.
    await studio.failWrite(2, { kind: 'refuse', status: 400, code: 'databaseNotReady' });
    const first = await rollback(outcome);
    expect(first.report.verified).toBe(false);
    expect(first.report.items.map((i) => [i.key, i.result])).toEqual([
      ['guestProfile', 'kept'],
      ['space', 'failed'],
      ['accessMethod', 'restored'],
    ]);
    expect(first.report.differences.map((d) => d.sentence)).toEqual([
      `The call leg profile /api/v1/callLegProfiles/${profile}, which “${plan.steps[0]?.title}” created, still exists.`,
      `The space /api/v1/coSpaces/${LAB.coSpaces.guestPin}: passcode is now *****, before this run it was (unset).`,
      `The space /api/v1/coSpaces/${LAB.coSpaces.guestPin}: callLegProfile is now ${profile}, before this run it was ${LAB.callLegProfiles.guest}.`,
    ]);
    expect((await getRunDetail(first.outcome.ledger.runId ?? '')).run.state).toBe('rollback-incomplete');

    const retry = await rollback(first.outcome);
    expect(retry.report).toMatchObject({ verified: true, differences: [], problems: [] });
    expect(retry.report.items.map((i) => [i.key, i.result])).toEqual([
      ['guestProfile', 'deleted'],
      ['space', 'restored'],
    ]);
    expect(await dumpCms()).toEqual(before);
    expect((await getRunDetail(retry.outcome.ledger.runId ?? '')).run.state).toBe('rolled-back');
  });
});

describe('the guest profile on the system profiles (PUT /system/profiles)', () => {
  describe.each(faults)('%s', (_name, fault) => {
    it.each([1, 2, 3])('write %i is settled and the rollback proves CMS is as before', (position) => runWithLostAnswer(studio, VARIANTS.systemScope(), position, fault));
  });
});

describe('what a 4xx and a 503 mean for a POST', () => {
  it('a refused POST is not settled by a read: CMS changed nothing, and the run stops there', async () => {
    const before = await studio.labDump();
    const { plan } = await planFor(VARIANTS.systemScope());
    await studio.failWrite(2, { kind: 'refuse', status: 400, code: 'duplicateCoSpaceUri' });
    exchangeLog.clear();
    const outcome = await applyPlan(plan, RUN);
    expect(outcome.failed?.stop.reason).toBe('refused');
    expect(sent()).toEqual(['PUT /api/v1/system/profiles 200', 'POST /api/v1/coSpaces 400']);
    const detail = await getRunDetail(outcome.ledger.runId ?? '');
    expect(detail.writes.map((w) => [w.method, w.outcome, w.reconciliation?.verdict])).toEqual([
      ['PUT', 'applied', undefined],
      ['POST', 'refused', undefined],
    ]);
    expect((await rollback(outcome)).report.verified).toBe(true);
    expect(await dumpCms()).toEqual(before);
  });

  it('a POST answered 503 is settled by a read, not sent again', async () => {
    const { plan } = await planFor(VARIANTS.systemScope());
    await studio.failWrite(2, { kind: 'applyThenStatus', status: 503 });
    exchangeLog.clear();
    const outcome = await applyPlan(plan, RUN);
    expect(outcome.ok).toBe(true);
    expect(sent().filter((line) => line.startsWith('POST /api/v1/coSpaces'))).toEqual([
      'POST /api/v1/coSpaces 503',
      expect.stringMatching(/^POST \/api\/v1\/coSpaces\/[0-9a-f-]{36}\/accessMethods 200$/),
    ]);
    expect(sent()[sent().indexOf('POST /api/v1/coSpaces 503') + 1]).toBe('GET /api/v1/coSpaces 200');
    const detail = await getRunDetail(outcome.ledger.runId ?? '');
    expect(detail.writes[1]).toMatchObject({
      method: 'POST',
      outcome: 'unknown',
      status: 503,
      reconciliation: { verdict: 'took-effect', objectId: outcome.refs.space, read: { path: '/api/v1/coSpaces', query: { filter: 'matrix5.guest' } } },
    });
  });
});
