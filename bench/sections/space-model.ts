import { createCallLegProfile } from '../../src/api/resources/call-leg-profiles';
import { configureCmsClient } from '../../src/api/transport/cms-client';
import { createAccessMethod, createSpace, createSpaceMember } from '../../src/api/resources/spaces';
import { updateSystemProfiles } from '../../src/api/resources/system';
import { createTenant } from '../../src/api/resources/tenants';
import { findings } from '../../src/domain/profile-resolution/findings';
import { joinPaths } from '../../src/domain/profile-resolution/join-paths';
import { mapLimited } from '../../src/lib/limit';
import { loadSpaceModel } from '../../src/domain/profile-resolution/load-space-model';
import { buildMatrix } from '../../src/features/spaces/matrix';
import type { CallLegProfileSettings, SpaceModel } from '../../src/domain/profile-resolution/model';
import { count, ms, perSecond } from '../format';
import { median, min } from '../measure';
import { MOCK_CREDENTIALS } from '../mock-pool';
import { BenchFailure, type Row, type Section } from '../section';

const ACCESS_METHODS = 500;
const MEMBERS = 5_000;
const RESOLVE_RUNS = 7;
const LATENCY_MS = 20;
const PAGE_LIMIT = 10;
/** `large:1` for its 50 users (user1..50@scale.example): the mock's users are read-only. */
const USERS = 50;
const MOCK_ARGS: readonly string[] = ['--seed', 'large:1', '--latency', String(LATENCY_MS), '--page-limit', String(PAGE_LIMIT)];
const SETUP_CONCURRENCY = 16;

// --- (a) resolving in memory ---

const id = (prefix: number, n: number) => `${prefix.toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/** A space as big as the issue asks, with profiles at every level, some shared URIs and a dangling reference. */
function bigModel(): SpaceModel {
  const settings: Array<[string, CallLegProfileSettings]> = [
    [id(1, 1), { participantLabels: true, muteOthersAllowed: true, joinToneParticipantThreshold: 100 }],
    [id(1, 2), { needsActivation: true, deactivationMode: 'deactivate', defaultLayout: 'allEqual' }],
    [id(1, 3), { needsActivation: true, defaultLayout: 'speakerOnly', rxAudioMute: true }],
    [id(1, 4), { needsActivation: false, presentationContributionAllowed: true, rxAudioMute: false }],
    [id(1, 5), { defaultLayout: 'telepresence' }],
  ];
  for (let i = 0; i < 20; i++) {
    settings.push([id(2, i), { needsActivation: i % 3 === 0, qualityMain: 'max720p30', audioPacketSizeMs: 10 + i, deactivationModeTime: i }]);
  }
  const [global, tenant, guest, host, bare] = settings.map(([profileId]) => profileId) as [string, string, string, string, string];
  const misc = (i: number) => id(2, i % 20);
  const missing = id(3, 1);
  const methodProfile = (i: number) => [host, undefined, misc(i), bare, missing][i % 5];
  const memberProfile = (i: number) => [host, undefined, misc(i), guest][i % 4];
  return {
    space: { id: id(9, 1), name: 'Big space', uri: 'big.space', secondaryUri: '7000', callId: '900000001', passcode: '', tenant: id(8, 1), callLegProfile: guest },
    tenant: { id: id(8, 1), name: 'Bench tenant', callLegProfile: tenant },
    systemProfiles: { callLegProfile: global },
    accessMethods: Array.from({ length: ACCESS_METHODS }, (_, i) => ({
      id: id(10, i),
      uri: i % 5 === 0 ? 'big.space' : `big.am.${i}`,
      callId: String(910_000_000 + i),
      passcode: String(1000 + i),
      ...(methodProfile(i) ? { callLegProfile: methodProfile(i) } : {}),
    })),
    members: Array.from({ length: MEMBERS }, (_, i) => ({
      id: id(11, i),
      userJid: `user${(i % USERS) + 1}@scale.example`,
      ...(memberProfile(i) ? { callLegProfile: memberProfile(i) } : {}),
    })),
    callLegProfiles: new Map(settings.map(([profileId, values]) => [profileId, { id: profileId, ...values }])),
    callProfiles: new Map(),
    missingProfiles: new Set([missing]),
  };
}

function timeResolve(progress: (message: string) => void): Row[] {
  const model = bigModel();
  const times = { joinPaths: [] as number[], findings: [] as number[], matrix: [] as number[], total: [] as number[] };
  let paths = 0;
  let found = 0;
  for (let run = 0; run <= RESOLVE_RUNS; run++) {
    progress(`resolve: ${run === 0 ? 'warm-up' : `run ${run}/${RESOLVE_RUNS}`}`);
    // A fresh object each run: the per-model caches (profile settings, address index) start cold.
    const fresh: SpaceModel = { ...model };
    const t0 = performance.now();
    const joined = joinPaths(fresh);
    const t1 = performance.now();
    const list = findings(fresh, joined);
    const t2 = performance.now();
    const { rows } = buildMatrix(fresh, joined);
    const t3 = performance.now();
    if (rows.length === 0 || joined.length !== 3 + ACCESS_METHODS + MEMBERS) {
      throw new BenchFailure(`expected ${3 + ACCESS_METHODS + MEMBERS} join paths, got ${joined.length}`);
    }
    paths = joined.length;
    found = list.length;
    if (run === 0) continue;
    times.joinPaths.push(t1 - t0);
    times.findings.push(t2 - t1);
    times.matrix.push(t3 - t2);
    times.total.push(t3 - t0);
  }
  const row = (name: string, values: number[]): Row => ({
    name,
    median: ms(median(values)),
    min: ms(min(values)),
    runs: RESOLVE_RUNS,
    'join paths': count(paths),
    findings: count(found),
  });
  return [
    row('joinPaths (levels + resolve per path)', times.joinPaths),
    row('findings', times.findings),
    row('matrix (every path column)', times.matrix),
    row('resolve (no render)', times.total),
  ];
}

// --- (b) loading through the client ---

async function setLatency(url: string, latencyMs: number): Promise<void> {
  const response = await fetch(`${url}/mock-cms/faults`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ latencyMs }),
  });
  if (!response.ok) throw new BenchFailure(`The mock refused the latency change (${response.status}).`);
}

interface Built {
  spaceId: string;
  accessMethods: number;
  members: number;
}

/**
 * Builds a space through the API. The mock holds only 50 users and does not refuse a user who is
 * already a member, so members repeat users (a real CMS most likely would not allow that).
 */
async function buildSpace(name: string, accessMethods: number, members: number, profiles: { host: string; guest: string; misc: string[] }, tenant: string): Promise<Built> {
  const uri = name.toLowerCase().replace(/\W+/g, '.');
  const spaceId = await createSpace({ name, uri, callId: String(800_000_000 + accessMethods), tenant, callLegProfile: profiles.guest });
  const methodProfile = (i: number) => [profiles.host, undefined, profiles.misc[i % profiles.misc.length]][i % 3];
  await mapLimited(Array.from({ length: accessMethods }, (_, i) => i), SETUP_CONCURRENCY, (i) =>
    createAccessMethod(spaceId, {
      uri: i % 5 === 0 ? uri : `${uri}.am${i}`,
      callId: String(810_000_000 + accessMethods * 10 + i),
      passcode: String(1000 + i),
      callLegProfile: methodProfile(i),
    }),
  );
  const memberProfile = (i: number) => [profiles.host, undefined, profiles.guest, profiles.misc[i % profiles.misc.length]][i % 4];
  await mapLimited(Array.from({ length: members }, (_, i) => i), SETUP_CONCURRENCY, (i) =>
    createSpaceMember(spaceId, { userJid: `user${(i % USERS) + 1}@scale.example`, callLegProfile: memberProfile(i) }),
  );
  return { spaceId, accessMethods, members };
}

const pages = (n: number) => Math.max(1, Math.ceil(n / PAGE_LIMIT));

export const spaceModel: Section = {
  name: 'space-model',
  title: `Space model: ${count(ACCESS_METHODS)} access methods and ${count(MEMBERS)} members`,
  note:
    `(a) joinPaths + findings + matrix on an in-memory model, median of ${RESOLVE_RUNS} after a warm-up; ` +
    `(b) loadSpaceModel through the client against the standalone mock (${MOCK_ARGS.join(' ')}), one run each; ` +
    `lower bound = requests × ${LATENCY_MS} ms ÷ concurrency`,
  async run({ mock, progress }) {
    const rows = timeResolve(progress);

    const { url } = await mock(MOCK_ARGS);
    let requests = 0;
    let failed = 0;
    let inFlight = 0;
    let peak = 0;
    const countingFetch: typeof fetch = async (input, init) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      try {
        return await fetch(input, init);
      } finally {
        inFlight--;
      }
    };
    configureCmsClient({
      baseUrl: url,
      credentials: () => ({ ...MOCK_CREDENTIALS }),
      fetch: countingFetch,
      onExchange: (exchange) => {
        requests++;
        if (exchange.error !== undefined || (exchange.status ?? 0) >= 300) failed++;
      },
    });
    try {
      progress('building the spaces through the API (latency 0)');
      await setLatency(url, 0);
      const host = await createCallLegProfile({ needsActivation: false });
      const guest = await createCallLegProfile({ needsActivation: true, deactivationMode: 'deactivate' });
      const misc = await Promise.all([1, 2, 3, 4, 5].map((n) => createCallLegProfile({ defaultLayout: 'allEqual', audioPacketSizeMs: 10 + n })));
      const tenantProfile = await createCallLegProfile({ needsActivation: true, participantLabels: true });
      await updateSystemProfiles({ callLegProfile: misc[0] });
      const tenant = await createTenant({ name: 'Bench tenant', callLegProfile: tenantProfile });
      const profiles = { host, guest, misc };
      const started = performance.now();
      const big = await buildSpace('Big space', ACCESS_METHODS, MEMBERS, profiles, tenant);
      const small = await buildSpace('Tenth space', ACCESS_METHODS / 10, MEMBERS / 10, profiles, tenant);
      rows.push({ name: `(built in ${ms(performance.now() - started)} through the API)` });
      await setLatency(url, LATENCY_MS);

      // Concurrency 1 on the big space needs over 110 s by the lower bound alone: a tenth of it stands in.
      const runs: Array<{ space: Built; concurrency: number }> = [
        { space: small, concurrency: 1 },
        { space: big, concurrency: 6 },
        { space: big, concurrency: 16 },
      ];
      for (const { space, concurrency } of runs) {
        const label = `load ${count(space.accessMethods)} AM / ${count(space.members)} members, concurrency ${concurrency}`;
        progress(label);
        requests = 0;
        peak = 0;
        const t0 = performance.now();
        const model = await loadSpaceModel(space.spaceId, { concurrency });
        const wall = performance.now() - t0;
        if (model.accessMethods.length !== space.accessMethods || model.members.length !== space.members) {
          throw new BenchFailure(
            `${label}: got ${model.accessMethods.length} access methods and ${model.members.length} members, expected ${space.accessMethods} and ${space.members}.`,
          );
        }
        const lowerBound = (requests * LATENCY_MS) / concurrency;
        rows.push({
          name: label,
          requests: count(requests),
          wall: ms(wall),
          'lower bound': ms(lowerBound),
          'wall ÷ bound': (wall / lowerBound).toFixed(2),
          'req/s': perSecond(requests, wall),
          'peak in flight': peak,
        });
      }
      // Every access method and member is read by its own GET (name and callLegProfile are not in the lists).
      const bigRequests = 3 + pages(ACCESS_METHODS) + pages(MEMBERS) + ACCESS_METHODS + MEMBERS + 9;
      rows.push({
        name: `load ${count(ACCESS_METHODS)} AM / ${count(MEMBERS)} members, concurrency 1: not run`,
        requests: `≈${count(bigRequests)}`,
        wall: '–',
        'lower bound': ms(bigRequests * LATENCY_MS),
        'wall ÷ bound': 'over budget',
      });
      if (failed > 0) rows.push({ name: `(${count(failed)} exchanges answered non-2xx and were retried)` });
      return rows;
    } finally {
      configureCmsClient();
    }
  },
};
