import { describe, expect, it } from 'vitest';
import type { CallLegProfileTrace } from '../../api/params/schemas';
import { joinPaths } from '../../domain/profile-resolution/join-paths';
import { compareResolved, matchPath, predictionFor } from './live-compare';
import { guestSpaceModel, IDS } from './testing/space-models';
import { resolveTrace } from '../../domain/profile-resolution/trace';

const guestProfile = { needsActivation: true, defaultLayout: 'speakerOnly', presentationContributionAllowed: false, rxAudioMute: true, deactivationMode: 'deactivate' } as const;
const hostProfile = { needsActivation: false, defaultLayout: 'speakerOnly', presentationContributionAllowed: true, rxAudioMute: false } as const;
const globalProfile = { participantLabels: true, muteOthersAllowed: true, endCallAllowed: true, joinToneParticipantThreshold: 100 } as const;

function trace(...levels: CallLegProfileTrace['levels']): CallLegProfileTrace {
  return { callLeg: 'leg-1', levels };
}

describe('matching a live leg to a join path', () => {
  const model = guestSpaceModel();
  const paths = joinPaths(model);

  it('takes the access method whose profile the trace names', () => {
    const match = matchPath(
      paths,
      trace(
        { scope: 'global', profileId: IDS.globalProfile, settings: globalProfile },
        { scope: 'coSpace', profileId: IDS.guestProfile, settings: guestProfile },
        { scope: 'accessMethod', profileId: IDS.hostProfile, settings: hostProfile },
      ),
    );
    expect(match).toMatchObject({ how: 'accessMethod', path: { key: `accessMethod:${IDS.hostAccessMethod}` } });
  });

  it('falls back to the space default path without an access method or member level', () => {
    const match = matchPath(paths, trace({ scope: 'coSpace', profileId: IDS.guestProfile, settings: guestProfile }));
    expect(match).toMatchObject({ how: 'spaceDefault', path: { key: 'space:uri' } });
  });

  it('says so when the trace names an access method profile no path has', () => {
    const match = matchPath(paths, trace({ scope: 'accessMethod', profileId: 'ffffffff-0000-4000-8000-000000000000', settings: {} }));
    expect(match).toMatchObject({ how: 'unmatched', scope: 'accessMethod', path: { key: 'space:uri' } });
  });
});

describe('comparing CMS trace and prediction', () => {
  const model = guestSpaceModel();
  const paths = joinPaths(model);

  it('finds no difference when CMS walks the predicted levels', () => {
    const t = trace(
      { scope: 'global', profileId: IDS.globalProfile, settings: globalProfile },
      { scope: 'coSpace', profileId: IDS.guestProfile, settings: guestProfile },
    );
    const match = matchPath(paths, t);
    const rows = compareResolved(resolveTrace(t), predictionFor(model, match));
    expect(rows.filter((r) => r.valueDiffers || r.sourceDiffers)).toEqual([]);
  });

  it('flags a value set on the leg and a value from another level', () => {
    const t = trace(
      { scope: 'global', profileId: IDS.globalProfile, settings: { ...globalProfile, defaultLayout: 'allEqual' } },
      { scope: 'coSpace', profileId: IDS.guestProfile, settings: { ...guestProfile, defaultLayout: undefined } },
      { scope: 'callLeg', profileId: undefined, settings: { needsActivation: false } },
    );
    const rows = compareResolved(resolveTrace(t), predictionFor(model, matchPath(paths, t)));
    const byParam = new Map(rows.map((r) => [r.param, r]));
    expect(byParam.get('needsActivation')).toMatchObject({ valueDiffers: true, legOverride: true, actual: { value: false, scope: 'callLeg' } });
    expect(byParam.get('defaultLayout')).toMatchObject({ valueDiffers: true, actual: { value: 'allEqual', scope: 'global' }, predicted: { value: 'speakerOnly', scope: 'coSpace' } });
    expect(byParam.get('participantLabels')).toMatchObject({ valueDiffers: false, sourceDiffers: false });
  });
});
