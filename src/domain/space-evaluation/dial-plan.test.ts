import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configureMockSimulation, SimulationRefused, simulateDialIn, simulateHangUp, simulateSignIn } from '../../api/resources/mock-simulation';
import { listAllSpaces } from '../../api/resources/spaces';
import { TEST_CMS_URL, withMockCms } from '../../testing/mock-cms';
import { loadSpaceModel } from '../profile-resolution/load-space-model';
import { PROFILES, spaceModel } from '../profile-resolution/testing/space-model';
import { planDial, planSignIn, quickDials, type Dial, type DialPlan } from './dial-plan';
import { evaluateSpace } from './evaluate';

/** The guide's scenario 3 with a separate host URI: blank guest PIN and host PIN 1234 on one URI. */
const scenario3 = (callProfile?: string) =>
  evaluateSpace(
    spaceModel({
      space: { name: 'Guest/Host PIN', uri: 'guestpin.space', callId: '189', callLegProfile: PROFILES.guest, ...(callProfile ? { callProfile } : {}) },
      accessMethods: [{ id: 'host', uri: 'guestpin.space', callId: '889', passcode: '1234', callLegProfile: PROFILES.host }],
      members: [{ id: 'm', userJid: 'User1@Example.com', callLegProfile: PROFILES.host }],
    }),
  );

const reached = (plan: DialPlan) => (plan.outcome === 'joins' ? [plan.path.key, plan.role, plan.prompted] : [plan.outcome, plan.outcome === 'elsewhere' ? '' : plan.field]);

describe('planDial', () => {
  it('reads a URI with or without sip: and domain, in any case', () => {
    const evaluation = scenario3(PROFILES.timeout);
    for (const address of ['guestpin.space', 'sip:GuestPin.Space@example.com', 'guestpin.space@cms.lab']) {
      expect(reached(planDial(evaluation, { by: 'uri', address, pin: '1234', via: 'sip' })), address).toEqual(['accessMethod:host', 'host', true]);
    }
  });

  it('takes # alone as a blank PIN, the host PIN to the host access method, a wrong PIN to the PIN field', () => {
    const evaluation = scenario3(PROFILES.timeout);
    const dial = (pin: string | undefined): Dial => ({ by: 'uri', address: 'guestpin.space', via: 'sip', ...(pin === undefined ? {} : { pin }) });
    expect(reached(planDial(evaluation, dial('#')))).toEqual(['space:uri', 'guest', true]);
    expect(reached(planDial(evaluation, dial('1234#')))).toEqual(['accessMethod:host', 'host', true]);
    expect(reached(planDial(evaluation, dial('9')))).toEqual(['refused', 'pin']);
    const guest = planDial(evaluation, dial('#'));
    expect(guest.outcome === 'joins' && guest.lobby).toMatch(/Waits in the lobby/);
    const withHost = planDial(evaluation, dial('#'), 1);
    expect(withHost.outcome === 'joins' && withHost.lobby).toBe('Joins the conference: a host is already in.');
  });

  it('lets silence through after passcodeTimeout with timeout, and keeps waiting without a passcodeMode', () => {
    const timeout = planDial(scenario3(PROFILES.timeout), { by: 'uri', address: 'guestpin.space', via: 'sip' });
    expect(timeout.outcome === 'joins' && timeout.entry).toContain('after 5 s of silence it takes a blank PIN');
    const none = planDial(scenario3(), { by: 'uri', address: 'guestpin.space', via: 'sip' });
    expect(none).toEqual({
      outcome: 'refused',
      field: 'pin',
      reason: 'The IVR keeps waiting for a PIN on guestpin.space: no callProfile sets passcodeMode, and we take it as required, so a caller without a PIN must press #.',
    });
    expect(reached(planDial(scenario3(), { by: 'uri', address: 'guestpin.space', via: 'webrtc' }))).toEqual(['space:uri', 'guest', true]);
  });

  it('lets a call ID that only a blank PIN answers straight in, and sends an unknown one elsewhere', () => {
    const evaluation = scenario3();
    expect(reached(planDial(evaluation, { by: 'callId', address: '189', via: 'sip', pin: '1234' }))).toEqual(['space:callId', 'guest', false]);
    expect(reached(planDial(evaluation, { by: 'callId', address: '889', via: 'sip' }))).toEqual(['refused', 'pin']);
    expect(planDial(evaluation, { by: 'callId', address: '7', via: 'sip' })).toMatchObject({ outcome: 'elsewhere' });
  });

  it('turns every caller away where non-member access is off, and signs members in on their own way in', () => {
    const evaluation = evaluateSpace(spaceModel({ space: { uri: 'closed', nonMemberAccess: false }, members: [{ id: 'm', userJid: 'a@x' }] }));
    expect(reached(planDial(evaluation, { by: 'uri', address: 'closed', via: 'sip' }))).toEqual(['refused', 'address']);
    expect(reached(planSignIn(scenario3(), 'user1@example.com'))).toEqual(['member:m', 'host', false]);
    expect(planSignIn(scenario3(), 'nobody@example.com')).toMatchObject({ outcome: 'refused' });
  });

  it('offers one quick dial per way in, # where a blank PIN shares the address with a set one', () => {
    expect(quickDials(scenario3()).map((q) => q.label)).toEqual(['guestpin.space · blank PIN (#)', 'Call ID 189 · no PIN', 'guestpin.space · PIN 1234', 'Call ID 889 · PIN 1234']);
  });
});

describe('planDial against the mock Call Bridge', () => {
  withMockCms();
  beforeAll(() => configureMockSimulation({ baseUrl: TEST_CMS_URL }));
  afterAll(() => configureMockSimulation());

  it('reaches the way in and role the mock joins every quick dial of every lab space with', async () => {
    const spaces = await listAllSpaces();
    let dials = 0;
    let refusals = 0;
    for (const space of spaces.items) {
      const evaluation = evaluateSpace(await loadSpaceModel(space.id ?? ''));
      // Each quick dial as offered, and the blank-PIN ones once more with nothing entered (silence at the IVR).
      const attempts = quickDials(evaluation).flatMap((q) => (q.pin === '#' ? [q, { ...q, pin: undefined, label: `${q.label}, silent` }] : [q]));
      for (const quick of attempts) {
        const pin = quick.pin === undefined ? {} : { pin: quick.pin };
        const plan = planDial(evaluation, { by: quick.by, address: quick.address, via: 'sip', ...pin });
        const answer = await simulateDialIn(quick.by === 'uri' ? { uri: quick.address, via: 'sip', ...pin } : { callId: quick.address, via: 'sip', ...pin }).catch(
          (error: Error) => error,
        );
        if (answer instanceof Error) {
          expect(answer, answer.message).toBeInstanceOf(SimulationRefused);
          expect(plan.outcome, `${quick.label}: ${answer.message}`).toBe('refused');
          refusals++;
          continue;
        }
        dials++;
        expect(plan.outcome, quick.label).toBe('joins');
        if (plan.outcome !== 'joins') continue;
        expect(answer.leg.role, quick.label).toBe(plan.role);
        expect(answer.leg.accessMethod ? `accessMethod:${answer.leg.accessMethod}` : 'space', quick.label).toBe(plan.path.kind === 'accessMethod' ? plan.path.key : 'space');
        await simulateHangUp(answer.leg.id);
      }
      for (const member of evaluation.model.members) {
        const plan = planSignIn(evaluation, member.userJid ?? '');
        const answer = await simulateSignIn({ spaceId: evaluation.model.space.id, userJid: member.userJid ?? '' });
        expect(plan).toMatchObject({ outcome: 'joins', role: answer.leg.role });
        await simulateHangUp(answer.leg.id);
      }
    }
    expect(dials).toBeGreaterThan(10);
    // Silence on Global's URI and call ID and on Acme lobby's URI (no passcodeMode anywhere) keeps the IVR waiting.
    expect(refusals).toBe(3);
  });
});
