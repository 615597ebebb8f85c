/** Number formatting for table cells: fixed units, thousands separators, no locale surprises. */

const grouped = (value: number, digits: number): string =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** `1,234` — counts. */
export const count = (value: number): string => grouped(value, 0);

/** Milliseconds, with decimals only while they still mean something. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return '–';
  return `${grouped(value, value >= 100 ? 0 : value >= 10 ? 1 : 2)} ms`;
}

export function us(valueMs: number): string {
  if (!Number.isFinite(valueMs)) return '–';
  const micro = valueMs * 1000;
  return `${grouped(micro, micro >= 100 ? 0 : 1)} µs`;
}

/** Things per second, from a count and the milliseconds it took. */
export function perSecond(things: number, elapsedMs: number): string {
  if (!(elapsedMs > 0)) return '–';
  return grouped((things * 1000) / elapsedMs, 0);
}

export function bytes(value: number): string {
  if (value < 1024) return `${value} B`;
  if (value < 1024 * 1024) return `${grouped(value / 1024, 1)} KiB`;
  if (value < 1024 * 1024 * 1024) return `${grouped(value / (1024 * 1024), 1)} MiB`;
  return `${grouped(value / (1024 * 1024 * 1024), 1)} GiB`;
}
