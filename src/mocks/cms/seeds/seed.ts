import type { Store } from '../store';
import { seedAudit } from './audit';
import { seedLab } from './lab';
import { seedLarge } from './large';
import { seedReach } from './reach';

export type SeedName = 'lab' | 'empty' | 'reach' | 'audit' | `large:${number}`;

export function parseSeedName(text: string): SeedName {
  if (text === 'lab' || text === 'empty' || text === 'reach' || text === 'audit') return text;
  const m = /^large:(\d+)$/.exec(text);
  if (m && Number(m[1]) > 0) return `large:${Number(m[1])}`;
  throw new Error(`Unknown seed "${text}": use lab, empty, reach, audit or large:N (N > 0).`);
}

export function seedStore(store: Store, seed: SeedName): void {
  if (seed === 'empty') return;
  if (seed === 'lab') return seedLab(store);
  if (seed === 'reach') return seedReach(store);
  if (seed === 'audit') return seedAudit(store);
  seedLarge(store, Number(seed.slice('large:'.length)));
}
