const grouping = new Intl.NumberFormat('en-US');

/** 20000 → "20,000": every count the product prints, grouped the same way. */
export function formatCount(n: number): string {
  return grouping.format(n);
}

/** "1 space", "20,000 spaces". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** "a", "a and b", "a, b and c". */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The first `max` items, then "and N more". */
export function shortList(items: readonly string[], max = 3): string {
  if (items.length <= max) return listOf(items);
  return `${items.slice(0, max).join(', ')} and ${formatCount(items.length - max)} more`;
}
