export type FoundPostgres = { bin: string; source: string; version: number; notes: string[] };
export function findPostgres(opts?: { env?: Record<string, string | undefined>; root?: string }): FoundPostgres;
