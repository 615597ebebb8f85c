import type { Cell, Row } from './section';

function text(cell: Cell | undefined): string {
  if (cell === undefined) return '';
  if (typeof cell === 'number') return cell.toLocaleString('en-US', { maximumFractionDigits: 2 });
  return cell;
}

/** A plain-text table: the first column left-aligned, figures right-aligned, columns in first-seen order. */
export function renderTable(rows: readonly Row[], indent = '  '): string {
  if (rows.length === 0) return `${indent}(no rows)`;
  const columns: string[] = ['name'];
  for (const row of rows) for (const key of Object.keys(row)) if (!columns.includes(key)) columns.push(key);

  const header = columns.map((c) => (c === 'name' ? '' : c));
  const body = rows.map((row) => columns.map((c) => text(row[c])));
  const widths = columns.map((_, i) => Math.max(header[i]?.length ?? 0, ...body.map((cells) => cells[i]?.length ?? 0)));
  const line = (cells: string[]) =>
    indent +
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const rule = indent + widths.map((w) => '─'.repeat(w)).join('  ');
  return [line(header), rule, ...body.map(line)].join('\n');
}
