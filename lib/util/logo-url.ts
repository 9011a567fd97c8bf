/** The shell's address for an organisation's logo, versioned by its content hash so caches refresh on change. */
export function logoUrlFor(sha256: string | null | undefined): string | null {
  return sha256 ? `/organisation/logo?v=${sha256.slice(0, 16)}` : null;
}
