import { describe, expect, it } from 'vitest';
import type { CoSpace } from '../../api/params/schemas';
import { flattenPages, nextOffset } from './space-list-query';

const spaces = (n: number, from = 0): CoSpace[] => Array.from({ length: n }, (_, i) => ({ id: `id-${from + i}`, name: `Space ${from + i}` }));

describe('nextOffset', () => {
  it('follows what CMS sent, not what was asked for', () => {
    expect(nextOffset({ total: 35, items: spaces(10) }, 0)).toBe(10);
    expect(nextOffset({ total: 35, items: spaces(10, 10) }, 10)).toBe(20);
    expect(nextOffset({ total: 35, items: spaces(7) }, 20)).toBe(27);
  });

  it('stops at the total and on an empty page', () => {
    expect(nextOffset({ total: 20, items: spaces(10, 10) }, 10)).toBeUndefined();
    expect(nextOffset({ total: 99, items: [] }, 40)).toBeUndefined();
  });
});

describe('flattenPages', () => {
  it('joins the pages and takes the row count from the latest total', () => {
    const data = { pages: [{ total: 30, items: spaces(10) }, { total: 31, items: spaces(10, 10) }], pageParams: [0, 10] };
    const { rows, total } = flattenPages(data);
    expect(rows.map((s) => s.id)).toEqual(spaces(20).map((s) => s.id));
    expect(total).toBe(31);
  });

  it('never counts fewer rows than were received', () => {
    expect(flattenPages({ pages: [{ total: 3, items: spaces(5) }], pageParams: [0] }).total).toBe(5);
    expect(flattenPages(undefined)).toEqual({ rows: [], total: 0 });
  });
});
