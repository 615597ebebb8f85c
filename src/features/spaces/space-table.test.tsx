// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CoSpace } from '../../api/params/schemas';
import { ROW_HEIGHT, SpaceTable } from './space-table';

const VIEW_HEIGHT = 600;
const many = (n: number): CoSpace[] =>
  Array.from({ length: n }, (_, i) => ({ id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, name: `Space ${i}`, uri: `space.${i}`, callId: String(100000 + i) }));

function scrollTo(element: HTMLElement, top: number) {
  Object.defineProperty(element, 'scrollTop', { configurable: true, writable: true, value: top });
  fireEvent.scroll(element);
}

function renderTable({ rows, rowCount }: { rows: CoSpace[]; rowCount: number }) {
  const onRangeChange = vi.fn();
  const onOpen = vi.fn();
  render(
    <MemoryRouter>
      <SpaceTable
        rowCount={rowCount}
        rowAt={(index) => rows[index]}
        onRangeChange={onRangeChange}
        reading={false}
        onOpen={onOpen}
        tenantName={() => '—'}
        height={VIEW_HEIGHT}
      />
    </MemoryRouter>,
  );
  const table = screen.getByRole('table', { name: 'Spaces' });
  const scroller = table.parentElement as HTMLElement;
  const dataRows = () => within(table).getAllByRole('row').slice(1);
  return { table, scroller, dataRows, onRangeChange, onOpen };
}

describe('SpaceTable (virtualized)', () => {
  beforeEach(() => {
    // jsdom does no layout: give the scroll container a height, rows none of their own.
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
      scrollTo(this, typeof options === 'object' ? (options.top ?? 0) : 0);
    } as HTMLElement['scrollTo'];
  });
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  it('renders a few dozen of 20,000 rows and follows the scroll position', async () => {
    const rows = many(20_000);
    const { table, scroller, dataRows } = renderTable({ rows, rowCount: rows.length });

    expect(table.getAttribute('aria-rowcount')).toBe('20001');
    expect(dataRows().length).toBeGreaterThan(10);
    expect(dataRows().length).toBeLessThan(60);
    expect(within(table).getByRole('cell', { name: 'Space 0' })).toBeTruthy();

    await act(async () => scrollTo(scroller, ROW_HEIGHT * 12_345));
    expect(within(table).getByRole('cell', { name: 'Space 12345' })).toBeTruthy();
    expect(within(table).queryByRole('cell', { name: 'Space 0' })).toBeNull();
    expect(dataRows().length).toBeLessThan(60);
    // The spacer rows keep the scroll height of all 20,000 rows but are hidden from assistive technology.
    const spacers = table.querySelectorAll('tr[aria-hidden="true"]');
    const height = [...spacers].reduce((sum, tr) => sum + parseFloat((tr as HTMLElement).style.height), 0);
    expect(height + dataRows().length * ROW_HEIGHT).toBe(20_000 * ROW_HEIGHT);
  });

  it('tells which rows are in view, wherever the scroll lands, and says which are being read', async () => {
    const rows = many(100);
    const { scroller, onRangeChange } = renderTable({ rows, rowCount: 20_000 });
    const [start, end] = onRangeChange.mock.lastCall ?? [];
    expect(start).toBe(0);
    expect(end).toBeGreaterThan(10);
    expect(end).toBeLessThan(40);

    await act(async () => scrollTo(scroller, ROW_HEIGHT * 90));
    expect(onRangeChange.mock.lastCall?.[1]).toBeGreaterThan(100);
    // Rows CMS announced but that have not arrived yet are placeholders.
    expect(screen.getAllByRole('cell', { name: 'Not loaded yet' }).length).toBeGreaterThan(0);
    expect(screen.queryByRole('status')).toBeNull();

    await act(async () => scrollTo(scroller, ROW_HEIGHT * 19_000));
    const [farStart, farEnd] = onRangeChange.mock.lastCall ?? [];
    expect(farStart).toBeGreaterThan(18_980);
    expect(farEnd).toBeLessThan(19_040);
    expect(screen.getByRole('status').textContent).toMatch(/^Reading rows 19,001–19,0\d\d of 20,000 from CMS/);
  });

  it('moves between rows with the keyboard and opens one with Enter', async () => {
    const rows = many(20_000);
    const { scroller, onOpen } = renderTable({ rows, rowCount: rows.length });
    scroller.focus();
    await act(async () => fireEvent.keyDown(scroller, { key: 'ArrowDown' }));
    await act(async () => fireEvent.keyDown(scroller, { key: 'ArrowDown' }));
    await act(async () => fireEvent.keyDown(scroller, { key: 'Enter' }));
    expect(onOpen).toHaveBeenLastCalledWith(rows[2]);

    await act(async () => fireEvent.keyDown(scroller, { key: 'End' }));
    await waitFor(() => expect(scroller.scrollTop).toBeGreaterThan(ROW_HEIGHT * 19_000));
    await waitFor(() => expect(document.activeElement?.textContent).toContain('Space 19999'));
    await act(async () => fireEvent.keyDown(document.activeElement as Element, { key: 'Enter' }));
    expect(onOpen).toHaveBeenLastCalledWith(rows[19_999]);
  });

  it('opens a space on a row click', () => {
    const rows = many(5);
    const { onOpen } = renderTable({ rows, rowCount: 5 });
    fireEvent.click(screen.getByRole('cell', { name: 'space.3' }));
    expect(onOpen).toHaveBeenCalledWith(rows[3]);
  });
});
