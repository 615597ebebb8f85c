import { failureText } from './classify';
import type { SentWrite } from './types';

/**
 * How a write ended, in one plain sentence: CMS's answer, or for a lost answer the read that
 * settled it (or that it could not be settled).
 */
export function outcomeSentence(write: SentWrite): string {
  const what = `“${write.title}” (${write.method} ${write.path})`;
  switch (write.outcome) {
    case 'applied':
      return `${what}: CMS applied it.`;
    case 'refused':
      return `${what}: CMS refused it, so it changed nothing. ${write.error ? failureText(write.error) : ''}`.trim();
    case 'unknown': {
      const lost = `${what}: CMS's answer was lost (${write.error ? failureText(write.error).replace(/\.$/, '') : 'no answer'}).`;
      const read = write.settled ? `A read of GET ${write.settled.path} ` : '';
      if (write.settled?.verdict === 'took-effect') return `${lost} ${read}showed it took effect: ${write.settled.summary}`;
      if (write.settled?.verdict === 'did-not-take-effect') return `${lost} ${read}showed it did not take effect: ${write.settled.summary}`;
      return `${lost} Reading CMS could not tell whether it took effect: ${write.unsettled ?? 'no read was made'}`;
    }
  }
}

/** The writes whose answer was lost, each with what the read found: screens list them so nobody mistakes a recovered answer for a clean one. */
export function lostAnswers(writes: readonly SentWrite[]): Array<{ seq: number; sentence: string; settled: SentWrite['settled'] }> {
  return writes.filter((w) => w.outcome === 'unknown').map((w) => ({ seq: w.seq, sentence: outcomeSentence(w), settled: w.settled }));
}
