export type FoundPostgres = { bin: string; source: string; version: number; notes: string[] };
export function findPostgres(opts?: { env?: NodeJS.ProcessEnv; root?: string }): FoundPostgres;
