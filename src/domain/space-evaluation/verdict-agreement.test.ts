import { describe, expect, it } from 'vitest';
import { listAllSpaces } from '../../api/resources/spaces';
import type { SeedName } from '../../mocks/cms/seeds/seed';
import { mapLimited } from '../../lib/limit';
import { withMockCms } from '../../testing/mock-cms';
import { findings } from '../profile-resolution/findings';
import { joinPaths } from '../profile-resolution/join-paths';
import { loadSpaceModel } from '../profile-resolution/load-space-model';
import { checklistOf } from './checklist';
import { evaluateSpace } from './evaluate';
import { statusOf } from './verdict';

const { mock } = withMockCms();

/** Every space of a seed, read from the mock CMS the way the tabs read it. */
async function everySpace(seed: SeedName) {
  mock.reset(seed);
  const spaces = await listAllSpaces();
  return mapLimited(spaces.items, 4, async (space) => loadSpaceModel(space.id ?? ''));
}

describe('Troubleshoot ends on the verdict of the Profiles tab’s findings', () => {
  it.each<SeedName>(['lab', 'reach', 'large:150'])('on every space of the %s seed', async (seed) => {
    const models = await everySpace(seed);
    expect(models.length).toBeGreaterThan(5);
    const statuses = new Set<string>();
    for (const model of models) {
      // The Profiles tab lists these findings; Troubleshoot renders its steps from the evaluation.
      const profilesTab = findings(model, joinPaths(model));
      const checklist = checklistOf(evaluateSpace(model));
      const name = model.space.name ?? model.space.id;
      expect(checklist.verdict.status, name).toBe(statusOf(profilesTab));
      expect(checklist.steps.flatMap((s) => s.findings.map((f) => f.id)).sort(), name).toEqual(profilesTab.map((f) => f.id).sort());
      for (const step of checklist.steps) {
        const severities = step.findings.map((f) => f.severity);
        const expected = severities.includes('error') ? 'fail' : severities.includes('warning') ? 'warn' : severities.length > 0 ? 'info' : 'pass';
        expect(step.status, `${name}: ${step.id}`).toBe(expected);
      }
      statuses.add(checklist.verdict.status);
    }
    if (seed === 'reach') expect([...statuses].sort()).toEqual(['fail', 'pass', 'warn']);
  });
});
