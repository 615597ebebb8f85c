import { describe, it } from 'vitest';
import { faultName, LOST_ANSWERS, runWithLostAnswer, SCENARIOS, withStudio } from './testing/fault-matrix';

const studio = withStudio();

describe('scenario 3 (blank guest PIN, a call profile): every write with its answer lost, over real sockets', () => {
  describe.each(LOST_ANSWERS.map((fault) => [faultName(fault), fault] as const))('%s', (_name, fault) => {
    it.each([1, 2, 3, 4, 5])('write %i is settled by a read and never sent twice; the rollback proves CMS is as before', (position) =>
      runWithLostAnswer(studio, SCENARIOS['blank-guest-pin'](), position, fault),
    );
  });
});
