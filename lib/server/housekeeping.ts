import "server-only";
import { getDb } from "@/db/client";
import { pruneThrottles } from "@/lib/auth/throttle";
import { drainSoon, smtpConfigured } from "@/lib/email/send";

// Background work every server process does on a timer: deliver queued email (retries included)
// and remove expired throttle counters. Several processes may run it at once: the outbox claims
// rows with SKIP LOCKED and the pruning deletes are idempotent.

const EMAIL_EVERY_MS = 30_000;
const PRUNE_EVERY_MS = 10 * 60_000;

export function startHousekeeping(): void {
  const g = globalThis as unknown as { __rapportHousekeeping?: boolean };
  if (g.__rapportHousekeeping) return;
  g.__rapportHousekeeping = true;
  const email = () => {
    if (smtpConfigured()) drainSoon();
  };
  const prune = async () => {
    try {
      await pruneThrottles(await getDb());
    } catch (e) {
      console.error(`[rapport] housekeeping failed: ${e instanceof Error ? e.message : e}`);
    }
  };
  setTimeout(email, 2_000).unref();
  setInterval(email, EMAIL_EVERY_MS).unref();
  setInterval(() => void prune(), PRUNE_EVERY_MS).unref();
}
