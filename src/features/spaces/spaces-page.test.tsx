// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { withMockCms } from '../../testing/mock-cms';
import { PAGE_CONCURRENCY } from './space-list-query';
import { SpacesPage } from './spaces-page';
import { ROW_HEIGHT } from './space-table';

const { mock, server } = withMockCms();
const VIEW_HEIGHT = 600;

/** Offsets of every `GET /coSpaces` (the list, not one space) the mock saw, and the most at once. */
function watchListPages() {
  const offsets: number[] = [];
  let inFlight = 0;
  let mostAtOnce = 0;
  const isList = (request: Request) => new URL(request.url).pathname.toLowerCase() === '/api/v1/cospaces';
  server.events.on('request:start', ({ request }) => {
    if (!isList(request)) return;
    offsets.push(Number(new URL(request.url).searchParams.get('offset') ?? 0));
    mostAtOnce = Math.max(mostAtOnce, ++inFlight);
  });
  server.events.on('response:mocked', ({ request }) => {
    if (isList(request)) inFlight--;
  });
  return { offsets, mostAtOnce: () => mostAtOnce };
}

describe('Spaces page: a far jump', () => {
  beforeEach(() => {
    // jsdom does no layout: the list's scroll container gets a height, rows none of their own.
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (this: HTMLElement) {
      return this.hasAttribute('data-space-list') ? VIEW_HEIGHT : 0;
    });
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockImplementation(function (this: HTMLElement) {
      return this.hasAttribute('data-space-list') ? 1000 : 0;
    });
    vi.spyOn(HTMLElement.prototype, 'scrollHeight', 'get').mockImplementation(function (this: HTMLElement) {
      const rows = Number(this.querySelector('table')?.getAttribute('aria-rowcount') ?? 1) - 1;
      return this.hasAttribute('data-space-list') ? rows * ROW_HEIGHT + 40 : 0;
    });
    HTMLElement.prototype.scrollTo = function (this: HTMLElement, options?: ScrollToOptions | number) {
      const top = typeof options === 'object' ? (options.top ?? 0) : 0;
      Object.defineProperty(this, 'scrollTop', { configurable: true, writable: true, value: top });
      fireEvent.scroll(this);
    } as HTMLElement['scrollTo'];
  });
  afterEach(() => {
    vi.restoreAllMocks();
    server.events.removeAllListeners();
  });

  it('reads only the last pages on End, several at once, once the first page told the cap', async () => {
    mock.reset('large:2000');
    const pages = watchListPages();
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <MemoryRouter>
          <SpacesPage />
        </MemoryRouter>
      </QueryClientProvider>,
    );
    const table = screen.getByRole('table', { name: 'Spaces' });
    expect(await within(table).findByRole('cell', { name: 'Scale space 1' })).toBeTruthy();
    // The first screen: the pages of the rows in view and a few read ahead.
    expect(await screen.findByText('2,000 spaces · 40 loaded')).toBeTruthy();
    expect(pages.offsets).toEqual([0, 10, 20, 30]);
    const before = pages.offsets.length;

    const list = table.parentElement as HTMLElement;
    list.focus();
    await act(async () => fireEvent.keyDown(list, { key: 'End' }));
    await waitFor(() => expect(list.scrollTop).toBeGreaterThan(ROW_HEIGHT * 1_950));
    expect(await within(table).findByRole('cell', { name: 'Scale space 2000' })).toBeTruthy();
    expect(within(table).getByRole('cell', { name: 'Scale space 1985' })).toBeTruthy();

    const jump = pages.offsets.slice(before);
    // The rows in view (about 16, plus the virtualizer's overscan) span two or three pages of 10.
    expect(jump.length).toBeGreaterThanOrEqual(2);
    expect(jump.length).toBeLessThanOrEqual(4);
    expect(jump.every((offset) => offset >= 1_950 && offset % 10 === 0)).toBe(true);
    expect(pages.mostAtOnce()).toBeGreaterThan(1);
    expect(pages.mostAtOnce()).toBeLessThanOrEqual(PAGE_CONCURRENCY);
  });
});
