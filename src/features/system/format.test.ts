import { describe, expect, it } from 'vitest';
import { formatUptime } from './status-panel';

describe('uptime', () => {
  it('reads like TMS: days, then hh:mm:ss', () => {
    expect(formatUptime(333717)).toBe('3d, 20:41:57');
    expect(formatUptime(59)).toBe('00:00:59');
  });
});
