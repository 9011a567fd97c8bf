import "server-only";
import type { DbOrTx } from "@/db/client";

/** How many passkeys the person has registered (none until passkeys exist: part C of issue 18). */
export async function countPasskeys(_db: DbOrTx, _userId: string): Promise<number> {
  return 0;
}

/** Removes every passkey of the person; returns how many there were. */
export async function deletePasskeys(_db: DbOrTx, _userId: string): Promise<number> {
  return 0;
}
