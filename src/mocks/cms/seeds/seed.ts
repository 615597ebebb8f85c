import type { Store } from '../store';
import { seedLab } from './lab';
import { seedLarge } from './large';
import { seedReach } from './reach';

export type SeedName = 'lab' | 'empty' | 'reach' | `large:${number}`;

export function parseSeedName(text: string): SeedName {
  if (text === 'lab' || text === 'empty' || text === 'reach') return text;
  const m = /^large:(\d+)$/.exec(text);
  if (m && Number(m[1]) > 0) return `large:${Number(m[1])}`;
  throw new Error(`Unknown seed "${text}": use lab, empty, reach or large:N (N > 0).`);
}

export function seedStore(store: Store, seed: SeedName): void {
  if (seed === 'empty') return;
  if (seed === 'lab') return seedLab(store);
  if (seed === 'reach') return seedReach(store);
  seedLarge(store, Number(seed.slice('large:'.length)));
}
