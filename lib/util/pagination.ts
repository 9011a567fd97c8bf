/**
 * The tail of every key-paginated list: queries fetch one row more than a page, and that extra
 * row only tells whether a next page exists; the cursor is taken from the page's last row.
 */
export function keyPage<T, C>(rows: T[], size: number, cursorOf: (last: T) => C): { rows: T[]; next: C | null } {
  const page = rows.slice(0, size);
  const last = page[page.length - 1];
  return { rows: page, next: rows.length > size && last !== undefined ? cursorOf(last) : null };
}
