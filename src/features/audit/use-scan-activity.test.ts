// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Scan } from '../../api/wire/scan-contract';
import type { ScanEvent } from '../../domain/fleet-audit/run-scan';
import { scanSession } from './scan-session';
import type { ScanRunner } from './scan-runner';
import { useScanActivity } from './use-scan-activity';

const scan = (state: Scan['state']): Scan => ({
  id: '7e6f4a52-0c55-4c8e-9f0f-2f1f6c1d8a11',
  cluster: 'mock',
  cmsUser: 'admin',
  state,
  startedAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
  spacesTotal: 20_000,
  counts: { results: 0, pass: 0, warn: 0, fail: 0, unread: 0 },
  requests: 0,
  live: state === 'running',
});

const progress = (scanned: number): ScanEvent => ({
  kind: 'progress',
  scanId: scan('running').id,
  progress: { total: 20_000, listed: scanned, scanned, skipped: 0, gone: 0, unread: 0, requests: scanned * 2 },
  alreadyDone: 0,
  limit: 8,
  at: scanned,
});

describe('useScanActivity', () => {
  it('renders when a scan starts and ends, not at each of its progress ticks', async () => {
    let release: () => void = () => undefined;
    let emit: (event: ScanEvent) => void = () => undefined;
    const runner: ScanRunner = (_job, _signal, onEvent) => {
      emit = onEvent;
      return new Promise((resolve) => (release = resolve));
    };
    let renders = 0;
    const { result } = renderHook(() => {
      renders += 1;
      return useScanActivity();
    });
    expect(result.current).toEqual({ running: false, finished: '' });

    let started: Promise<void> = Promise.resolve();
    act(() => {
      started = scanSession.start([{ cluster: 'mock', job: { target: undefined } }], runner);
    });
    expect(result.current.running).toBe(true);
    act(() => emit({ kind: 'started', scan: scan('running'), resumed: false, alreadyDone: 0 }));
    const beforeTicks = renders;
    act(() => {
      for (let scanned = 10; scanned <= 2_000; scanned += 10) emit(progress(scanned));
    });
    expect(renders).toBe(beforeTicks);

    act(() => emit({ kind: 'finished', scan: scan('complete') }));
    expect(result.current.finished).toBe(`${scan('complete').id}:complete`);
    await act(async () => {
      release();
      await started;
    });
    expect(result.current.running).toBe(false);
  });
});
