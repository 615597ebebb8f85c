import { describe, expect, it } from 'vitest';
import type { CoSpace } from '../../api/params/schemas';
import { pageCap, pagesFor, rowIn } from './space-list-query';

const spaces = (n: number, from = 0): CoSpace[] => Array.from({ length: n }, (_, i) => ({ id: `id-${from + i}`, name: `Space ${from + i}` }));

describe('pageCap', () => {
  it('is what the first page held when CMS has more, not what was asked for', () => {
    expect(pageCap({ total: 20_000, items: spaces(10) })).toBe(10);
    expect(pageCap({ total: 35, items: spaces(20) })).toBe(20);
  });

  it('is unknown before the first page, and not needed when the first page holds everything', () => {
    expect(pageCap(undefined)).toBeUndefined();
    expect(pageCap({ total: 7, items: spaces(7) })).toBeUndefined();
    expect(pageCap({ total: 0, items: [] })).toBeUndefined();
  });
});

describe('pagesFor', () => {
  const unread = () => undefined;

  it('reads only the pages of the rows in view, however far down they are', () => {
    expect(pagesFor({ start: 19_976, end: 19_999 }, 10, 20_000, unread)).toEqual([19_970, 19_980, 19_990]);
    expect(pagesFor({ start: 0, end: 24 }, 10, 20_000, unread)).toEqual([0, 10, 20]);
  });

  it('stops at the total, and plans on the cap CMS serves', () => {
    expect(pagesFor({ start: 30, end: 60 }, 20, 45, unread)).toEqual([20, 40]);
    expect(pagesFor({ start: 0, end: 5 }, 10, 0, unread)).toEqual([]);
  });

  it('reads a short page’s gap from where its rows ended, once', () => {
    const received = (offset: number) => ({ 100: 7 })[offset];
    expect(pagesFor({ start: 100, end: 119 }, 10, 500, received)).toEqual([100, 107, 110]);
    // The gap is out of view: nothing more to read for it.
    expect(pagesFor({ start: 100, end: 105 }, 10, 500, received)).toEqual([100]);
    // An empty page (the list shrank) has no gap to read.
    expect(pagesFor({ start: 100, end: 105 }, 10, 500, (offset) => ({ 100: 0 })[offset])).toEqual([100]);
  });
});

describe('rowIn', () => {
  it('finds a row in the page that holds it, and nothing between pages', () => {
    const read = [
      { offset: 0, page: { total: 20_000, items: spaces(10) } },
      { offset: 19_990, page: { total: 20_000, items: spaces(10, 19_990) } },
    ];
    expect(rowIn(read, 3)?.id).toBe('id-3');
    expect(rowIn(read, 19_999)?.id).toBe('id-19999');
    expect(rowIn(read, 10)).toBeUndefined();
    expect(rowIn(read, 20_000)).toBeUndefined();
  });
});
