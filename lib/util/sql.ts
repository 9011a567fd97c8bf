/** Escapes LIKE's wildcards so a search for "50%" matches the text "50%", not everything after "50". */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
