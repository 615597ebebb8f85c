import { availableParallelism, cpus, platform, arch, totalmem } from 'node:os';
import { bytes } from './format';

/** The header lines that make figures from different machines comparable. */
export function describeMachine(): Array<[string, string]> {
  const model = cpus()[0]?.model.trim() ?? 'unknown CPU';
  return [
    ['cpus', `${availableParallelism()} × ${model}`],
    ['memory', bytes(totalmem())],
    ['node', `${process.version} (${platform()} ${arch()})`],
    ['date', new Date().toISOString()],
  ];
}
