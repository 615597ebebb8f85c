import { describe, it } from 'vitest';
import { faultName, LOST_ANSWERS, runWithLostAnswer, SCENARIOS, withStudio } from './testing/fault-matrix';

const studio = withStudio();

describe('scenario 4 (members are hosts): every write with its answer lost, over real sockets', () => {
  describe.each(LOST_ANSWERS.map((fault) => [faultName(fault), fault] as const))('%s', (_name, fault) => {
    it.each([1, 2, 3, 4, 5, 6, 7])('write %i is settled by a read and never sent twice; the rollback proves CMS is as before', (position) =>
      runWithLostAnswer(studio, SCENARIOS['members-are-hosts'](), position, fault),
    );
  });
});
