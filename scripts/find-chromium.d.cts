export const CHROMIUM_MISSING: string;
export function findChromium(env?: Record<string, string | undefined>): string | null;
export function chromiumMissing(env?: Record<string, string | undefined>): string;
