// @vitest-environment jsdom
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { JournalRun } from '../../api/wire/journal-contract';
import { RUN_ROW_HEIGHT, RunList } from './run-list';

const VIEW_HEIGHT = 640;

function runs(n: number): JournalRun[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    origin: { kind: 'wizard', name: 'scenario-1' },
    title: `Run ${i}`,
    spaces: [],
    cluster: 'mock',
    cmsUser: 'mock',
    state: 'applied',
    startedAt: new Date(Date.UTC(2026, 0, 1) - i * 60_000).toISOString(),
    updatedAt: new Date(Date.UTC(2026, 0, 1) - i * 60_000).toISOString(),
    writeCounts: { total: 1, pending: 0, applied: 1, refused: 0, unknown: 0 },
  }));
}

function scrollTo(element: HTMLElement, top: number) {
  Object.defineProperty(element, 'scrollTop', { configurable: true, writable: true, value: top });
  fireEvent.scroll(element);
}

describe('RunList (virtualized)', () => {
  beforeEach(() => {
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (this: HTMLElement) {
      return this.hasAttribute('data-run-list') ? VIEW_HEIGHT : 0;
    });
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockImplementation(function (this: HTMLElement) {
      return this.hasAttribute('data-run-list') ? 600 : 0;
    });
  });
  afterEach(() => vi.restoreAllMocks());

  it('keeps a few rows of 10,000 in the DOM, follows the scroll and asks for more near the end of what arrived', async () => {
    const all = runs(10_000);
    const onNeedMore = vi.fn();
    const { container } = render(
      <MemoryRouter>
        <RunList rowCount={10_000} runs={all.slice(0, 400)} onNeedMore={onNeedMore} loadingMore={false} linkTo={(r) => `/history/${r.id}`} height={VIEW_HEIGHT} />
      </MemoryRouter>,
    );
    const list = screen.getByRole('list', { name: 'Runs, newest first' });
    const items = () => within(list).getAllByRole('listitem');
    expect(items().length).toBeGreaterThan(5);
    expect(items().length).toBeLessThan(30);
    expect(items()[0]?.getAttribute('aria-setsize')).toBe('10000');
    expect(within(list).getByText('Run 0')).toBeTruthy();
    expect(onNeedMore).not.toHaveBeenCalled();

    const scroller = container.querySelector<HTMLElement>('[data-run-list]')!;
    await act(async () => scrollTo(scroller, RUN_ROW_HEIGHT * 250));
    expect(within(list).getByText('Run 250')).toBeTruthy();
    expect(within(list).queryByText('Run 0')).toBeNull();
    expect(onNeedMore).not.toHaveBeenCalled();

    await act(async () => scrollTo(scroller, RUN_ROW_HEIGHT * 385));
    expect(onNeedMore).toHaveBeenCalled();
    // Rows not received yet are placeholders, not invented runs.
    await act(async () => scrollTo(scroller, RUN_ROW_HEIGHT * 7_000));
    expect(items().length).toBeLessThan(30);
    expect(within(list).getAllByLabelText('Not loaded yet').length).toBeGreaterThan(0);
  });
});
