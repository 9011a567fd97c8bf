import "server-only";
import { getDb } from "@/db/client";
import { pruneThrottles } from "@/lib/auth/throttle";
import { pruneUsedChallenges } from "@/lib/auth/two-factor/passkey-store";
import { drainSoon, smtpConfigured } from "@/lib/email/send";
import { runDigest } from "@/lib/notifications/digest";
import { runHoursReminders } from "@/lib/hours/reminders";
import { purgeExpiredRecordings } from "@/lib/practice/retention";
import { ensureAuditPartitions } from "@/lib/audit/partitions";

// Background work every server process does on a timer: deliver queued email (retries included),
// remove expired throttle counters, send the daily notification digests, create the audit log's
// monthly partitions ahead and delete practice recordings past their retention. Several processes
// may run it at once: the outbox claims rows with SKIP LOCKED, the pruning deletes are idempotent,
// the digest claims each person's rows with one UPDATE … RETURNING, and partitions are created
// under an advisory lock.

const EMAIL_EVERY_MS = 30_000;
const PRUNE_EVERY_MS = 10 * 60_000;
// Hourly: the digest only sends what arrived before the last local midnight and not yet sent, so
// the first run after midnight sends each person's digest and the other 23 find nothing.
const DIGEST_EVERY_MS = 60 * 60_000;
// Hourly too: practicum-hours nudges are sent at most once a week per person (the reminder log's
// key is the week), so the other runs of the week find nothing new.
const HOURS_REMINDERS_EVERY_MS = 60 * 60_000;
// Hourly: practice recordings past their organisation's retention period are deleted (file, row,
// audit event). A recording outlives its period by at most an hour.
const RECORDINGS_EVERY_MS = 60 * 60_000;

export function startHousekeeping(): void {
  const g = globalThis as unknown as { __rapportHousekeeping?: boolean };
  if (g.__rapportHousekeeping) return;
  g.__rapportHousekeeping = true;
  const email = () => {
    if (smtpConfigured()) drainSoon();
  };
  const prune = async () => {
    try {
      const db = await getDb();
      await pruneThrottles(db);
      await pruneUsedChallenges(db);
    } catch (e) {
      console.error(`[rapport] housekeeping failed: ${e instanceof Error ? e.message : e}`);
    }
  };
  // The current month's audit partition and the next two: checked at start and with every prune,
  // so a server that runs across a month's end has created that month's partition two months before.
  const partitions = async () => {
    try {
      const made = (await ensureAuditPartitions(await getDb())).filter((p) => p.status !== "exists");
      for (const p of made) console.log(`[rapport] audit log partition ${p.name} ${p.status === "moved" ? "created (rows moved in from the default partition)" : "created"}.`);
    } catch (e) {
      console.error(`[rapport] creating audit log partitions failed: ${e instanceof Error ? e.message : e}`);
    }
  };
  const digest = async () => {
    try {
      await runDigest();
    } catch (e) {
      console.error(`[rapport] daily digest failed: ${e instanceof Error ? e.message : e}`);
    }
  };
  const hours = async () => {
    try {
      await runHoursReminders();
    } catch (e) {
      console.error(`[rapport] hours reminders failed: ${e instanceof Error ? e.message : e}`);
    }
  };
  const recordings = async () => {
    try {
      const n = await purgeExpiredRecordings(await getDb());
      if (n > 0) console.log(`[rapport] deleted ${n} expired practice recording${n === 1 ? "" : "s"}`);
    } catch (e) {
      console.error(`[rapport] practice recording clean-up failed: ${e instanceof Error ? e.message : e}`);
    }
  };
  setTimeout(() => void recordings(), 120_000).unref();
  setInterval(() => void recordings(), RECORDINGS_EVERY_MS).unref();
  setTimeout(email, 2_000).unref();
  setTimeout(() => void hours(), 90_000).unref();
  setInterval(() => void hours(), HOURS_REMINDERS_EVERY_MS).unref();
  // Soon after start too, so a server restarted around midnight doesn't wait an hour.
  setTimeout(() => void digest(), 60_000).unref();
  setInterval(() => void digest(), DIGEST_EVERY_MS).unref();
  setInterval(email, EMAIL_EVERY_MS).unref();
  setInterval(() => void prune(), PRUNE_EVERY_MS).unref();
  setTimeout(() => void partitions(), 5_000).unref();
  setInterval(() => void partitions(), PRUNE_EVERY_MS).unref();
}
