import type { VirtualItem } from '@tanstack/react-virtual';

/** The empty space above and below a virtualized table's rendered rows, so its scrollbar spans every row. */
export function virtualPaddings(items: readonly VirtualItem[], totalSize: number): { top: number; bottom: number } {
  return { top: items[0]?.start ?? 0, bottom: Math.max(0, totalSize - (items.at(-1)?.end ?? 0)) };
}

/** One spacer row of a virtualized table: a `<tr>`, since a table body takes no other element. */
export function VirtualPaddingRow({ height, columns }: { height: number; columns: number }) {
  if (height <= 0) return null;
  return (
    <tr aria-hidden="true" style={{ height }}>
      <td colSpan={columns} style={{ padding: 0, border: 0 }} />
    </tr>
  );
}
