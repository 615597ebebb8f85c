import { http, HttpResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCallLeg } from './calls';
import {
  configureMockSimulation,
  getSpaceSimulation,
  SimulationRefused,
  simulateDialIn,
  simulateHangUp,
  simulateSignIn,
  simulationQueries,
} from './mock-simulation';
import { LAB, TEST_CMS_URL, withMockCms } from '../../testing/mock-cms';

const { server } = withMockCms();

beforeAll(() => configureMockSimulation({ baseUrl: TEST_CMS_URL }));
afterAll(() => configureMockSimulation());

describe('mock simulation client', () => {
  it('dials in, signs in, polls and hangs up, with the legs visible through /api/v1', async () => {
    const guest = await simulateDialIn({ uri: 'global', pin: '#', name: 'Visitor' });
    expect(guest.leg).toMatchObject({ role: 'guest', state: 'lobby', via: 'space' });
    expect((await getCallLeg(guest.leg.id)).call).toBe(guest.call.id);

    const host = await simulateSignIn({ spaceId: LAB.coSpaces.global, userJid: 'user1@evacanoalone.net' });
    expect(host.leg).toMatchObject({ role: 'host', via: 'member', coSpaceUser: LAB.coSpaceUsers.globalUser1 });

    const polled = await getSpaceSimulation(LAB.coSpaces.global);
    expect(polled.call?.legs.map((l) => [l.role, l.state])).toEqual([
      ['guest', 'inConference'],
      ['host', 'inConference'],
    ]);
    expect(polled.log.some((e) => e.message.includes('ceasing to be deactivated'))).toBe(true);

    const after = await simulateHangUp(host.leg.id);
    expect(after.call?.legs).toEqual([expect.objectContaining({ name: 'Visitor', state: 'lobby' })]);
  });

  it('throws SimulationRefused with the sentence and the field at fault', async () => {
    const error = await simulateDialIn({ uri: 'guestpin.space', pin: '4321' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SimulationRefused);
    expect(error).toMatchObject({ status: 400, field: 'pin', message: expect.stringMatching(/^PIN not accepted/) });
  });

  it('says so when the simulation is not there or answers something unexpected', async () => {
    server.use(http.get(`${TEST_CMS_URL}/mock-cms/simulate/spaces/:id`, () => new HttpResponse('Not found', { status: 404 })));
    await expect(getSpaceSimulation('x')).rejects.toThrow(/only with the mock CMS/);
    server.use(http.get(`${TEST_CMS_URL}/mock-cms/simulate/spaces/:id`, () => HttpResponse.json({ space: {} })));
    await expect(getSpaceSimulation('x')).rejects.toThrow(/unexpected body/);
  });

  it('keys the poll per space under the simulation prefix', () => {
    expect(simulationQueries.space('abc').queryKey).toEqual(['mock-cms', 'simulate', 'space', 'abc']);
    expect(simulationQueries.space('abc').queryKey.slice(0, 2)).toEqual(simulationQueries.all());
  });
});
