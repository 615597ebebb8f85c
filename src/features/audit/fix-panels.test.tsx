// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { batchPatternSchema } from '../../domain/batch-fix/batch-pattern';
import type { BatchFixPlan } from '../../domain/batch-fix/plan-batch';
import type { BatchRunState } from '../../domain/batch-fix/run-batch';
import type { SpaceFix } from '../../domain/batch-fix/plan-space';
import { GUIDE_GUEST_SETTINGS, GUIDE_HOST_SETTINGS } from '../../domain/space-planning/wizard-schema';
import { FixProgress } from './fix-progress';
import { FixReview } from './fix-review';

const pattern = batchPatternSchema.parse({
  scenario: 'same-uri-two-pins',
  profiles: { guest: { mode: 'create', settings: GUIDE_GUEST_SETTINGS, advanced: {} }, host: { mode: 'create', settings: GUIDE_HOST_SETTINGS, advanced: {} } },
  host: { uriPrefix: '', uriSuffix: '', callIdPrefix: '', callIdSuffix: '9', pinDigits: 4 },
});

const ready = (n: number): SpaceFix => ({
  spaceId: `space-${n}`,
  name: `Space ${n}`,
  uri: `space.${n}`,
  status: 'ready',
  steps: [{ key: 'accessMethod', title: 'Add the host access method', operation: { op: 'createAccessMethod', space: `space-${n}`, form: { uri: `space.${n}` } }, creates: 'accessMethod' }],
  ids: {},
  sharedSteps: [],
  issues: [],
  host: { uri: `space.${n}`, callId: `${n}9`, pin: `40${n}${n}` },
});

const plan: BatchFixPlan = {
  batchId: 'batch-1',
  pattern,
  shared: { steps: [], ids: {} },
  spaces: [
    ready(1),
    ready(2),
    { ...ready(3), status: 'conflict', steps: [], issues: [{ field: 'space.passcode', message: 'Enter a guest PIN: in this setup guests and hosts are told apart by their PINs.' }] },
    { spaceId: 'space-4', status: 'unread', reason: 'CMS has no such space any more.' },
  ],
};

describe('the batch fix review', () => {
  it('counts spaces and writes, lists conflicts, and masks each host PIN until revealed', () => {
    const onApply = vi.fn();
    render(<FixReview plan={plan} onBack={() => undefined} onApply={onApply} />);
    expect(screen.getByRole('status').textContent).toContain('4 spaces: 2 ready, 0 fine already, 1 with conflicts, 1 not read. 2 writes: 2 × Create access method.');
    expect(screen.getByText(/Host PIN rule: 4 random digits per space, different from its guest PIN/)).toBeTruthy();
    const row = screen.getByRole('row', { name: 'Space Space 1' });
    expect(within(row).getByLabelText('PIN hidden').textContent).toContain('••••');
    expect(row.textContent).not.toContain('4011');
    fireEvent.click(within(row).getByRole('button', { name: 'Show PIN' }));
    expect(within(row).getByLabelText('PIN 4011')).toBeTruthy();
    expect(screen.getByRole('row', { name: 'Space Space 3' }).textContent).toContain('Enter a guest PIN');
    expect(screen.getByText('CMS has no such space any more.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Apply to 2 spaces (2 writes)' }));
    expect(onApply).toHaveBeenCalledOnce();
  });
});

function progress(run: Partial<BatchRunState>) {
  const handlers = { onPause: vi.fn(), onResume: vi.fn(), onCancel: vi.fn(), onRetry: vi.fn(), onClose: vi.fn() };
  const state: BatchRunState = { phase: 'running', spaces: [], done: 0, total: 0, elapsedMs: 2_000, rate: 1, ...run };
  render(
    <MemoryRouter>
      <FixProgress batchId="batch-1" run={state} {...handlers} />
    </MemoryRouter>,
  );
  return handlers;
}

describe('the batch fix progress', () => {
  it('lists each failed space with CMS’s reason and a retry, and pauses while running', () => {
    const handlers = progress({
      done: 2,
      total: 3,
      spaces: [
        { spaceId: 'a', name: 'Space A', status: 'applied' },
        { spaceId: 'b', name: 'Space B', status: 'failed', reason: 'Add the host access method: The URI is already used by another space.' },
        { spaceId: 'c', name: 'Space C', status: 'sending' },
      ],
    });
    expect(screen.getByRole('status').textContent).toContain('2 of 3 spaces done · 1 applied · 1 failed · 1.0 spaces/s · 2 s');
    const failed = within(screen.getByRole('list', { name: 'Failed spaces' })).getByRole('alert');
    expect(failed.textContent).toContain('Space B: Add the host access method: The URI is already used by another space.');
    fireEvent.click(within(failed).getByRole('button', { name: 'Retry' }));
    expect(handlers.onRetry).toHaveBeenCalledWith('b');
    fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    expect(handlers.onPause).toHaveBeenCalledOnce();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Close' }).disabled).toBe(true);
  });

  it('offers resume when paused, and says what stays when cancelled', () => {
    const handlers = progress({ phase: 'paused', done: 1, total: 2, spaces: [{ spaceId: 'a', name: 'A', status: 'applied' }, { spaceId: 'b', name: 'B', status: 'waiting' }] });
    fireEvent.click(screen.getByRole('button', { name: 'Resume' }));
    expect(handlers.onResume).toHaveBeenCalledOnce();
    document.body.innerHTML = '';
    progress({ phase: 'cancelled', done: 1, total: 2, spaces: [{ spaceId: 'a', name: 'A', status: 'applied' }, { spaceId: 'b', name: 'B', status: 'cancelled' }] });
    expect(screen.getByText(/Cancelled: 1 space were fixed and stay so/)).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Close' }).disabled).toBe(false);
  });
});
