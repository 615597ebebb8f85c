import { describe, expect, it } from 'vitest';
import { hostPin, randomDigits } from './host-pin';

describe('host PINs', () => {
  it('are digits of the length asked, at least the minimum, never one to avoid', () => {
    for (let i = 0; i < 200; i++) expect(hostPin(4, undefined, [])).toMatch(/^\d{4}$/);
    expect(hostPin(4, 6, [])).toMatch(/^\d{6}$/);
    expect(hostPin(0, 6, [])).toBe('');
    // A source that first gives the PIN to avoid, then another.
    let call = 0;
    const source = (count: number) => new Uint8Array(count).fill(call++ === 0 ? 1 : 2);
    expect(hostPin(2, undefined, ['11'], source)).toBe('22');
  });

  it('drops bytes that would bias the digits', () => {
    const bytes = [255, 250, 13, 249];
    const source = (count: number) => Uint8Array.from({ length: count }, (_, i) => bytes[i] ?? 0);
    expect(randomDigits(2, source)).toBe('39');
  });
});
