import { ChangeRun } from './change-run';
import type { ChangeLedger, ChangeOptions, ChangePlan, ChangeStep, SentWrite } from './types';

/** One journaled run whose writes a screen sends one by one, between reads and checks of its own (the meetings' steps). */
export interface ChangeSession {
  /** answers the write once CMS holds it; throws CMS's error for a refusal, `ChangeStopped` for a lost answer no read settled */
  send(step: ChangeStep): Promise<SentWrite>;
  /** records how the run ended; undefined when no write was ever sent (no run was started) */
  finish(): Promise<ChangeLedger | undefined>;
}

/** A run that starts in the journal with its first write, so a flow that stops at a check before writing leaves no empty run. */
export function changeSession(info: Pick<ChangePlan, 'origin' | 'title' | 'spaces'>, options: ChangeOptions = {}): ChangeSession {
  let run: Promise<ChangeRun> | undefined;
  return {
    async send(step) {
      run ??= ChangeRun.begin({ ...info, steps: [] }, options);
      return (await run).send(step);
    },
    async finish() {
      return run && (await run).finish();
    },
  };
}
