import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { appBaseUrl } from "@/lib/email/base-url";
import { queueEmails, type EmailMessage, type Pending } from "@/lib/email/send";
import { dayKey, startOfDay } from "@/lib/util/days";
import { digestEmail } from "./emails";

// The daily digest. A notification whose recipient chose "daily digest" is written with
// emailed = 'digest'; the first run after midnight (Australia/Sydney, or RAPPORT_TIME_ZONE) sends
// each such person one email listing what arrived before that midnight and is still unread, and
// stamps those rows digested_at. So a digest goes out at most once a day per person whatever
// the schedule: housekeeping runs this every hour in every server process, and `npm run
// reminders` runs it too.
//
// Two runs at once (two processes, two instances) never send an item twice: the claim is one
// UPDATE … WHERE digested_at IS NULL … RETURNING, so the second run waits on the first's row locks
// and then finds those rows already digested. The claim, the emails and the stamp commit together.

const MEMBERS_PER_BATCH = 200;

type Claimed = {
  id: string;
  organisation_id: string;
  recipient_membership_id: string;
  title: string;
  href: string;
  read_at: string | Date | null;
  created_at: string | Date;
  email: string;
  name: string;
  disabled_at: string | Date | null;
  status: string;
  org_name: string;
};

export type DigestRun = { cutoff: Date; recipients: number; emails: number; notifications: number };

export async function runDigest(now: Date = new Date()): Promise<DigestRun> {
  const cutoff = startOfDay(dayKey(now));
  const at = now.toISOString();
  const before = cutoff.toISOString();
  const baseUrl = appBaseUrl();
  const db = await getDb();
  const run: DigestRun = { cutoff, recipients: 0, emails: 0, notifications: 0 };
  for (;;) {
    let pending: Pending | undefined;
    const claimed = await db.transaction(async (tx) => {
      // A batch of people, and all of each one's due rows in the same statement: nobody's digest is split in two.
      const rows = rowsOf<Claimed>(
        await tx.execute(sql`
          update notifications n set digested_at = ${at}::timestamptz
          from memberships m
            join users u on u.id = m.user_id
            join organisations o on o.id = m.organisation_id
          where n.recipient_membership_id in (
              select distinct d.recipient_membership_id from notifications d
              where d.emailed = 'digest' and d.digested_at is null and d.created_at < ${before}::timestamptz
              limit ${MEMBERS_PER_BATCH})
            and n.emailed = 'digest' and n.digested_at is null and n.created_at < ${before}::timestamptz
            and m.id = n.recipient_membership_id and m.organisation_id = n.organisation_id
          returning n.id, n.organisation_id, n.recipient_membership_id, n.title, n.href, n.read_at, n.created_at,
            u.email, u.name, u.disabled_at, m.status, o.name as org_name`),
      );
      const byMember = new Map<string, Claimed[]>();
      for (const r of rows) {
        // Read in-app already, or nobody there to read it: stamped, not sent.
        if (r.read_at || r.disabled_at || r.status !== "active") continue;
        (byMember.get(r.recipient_membership_id) ?? byMember.set(r.recipient_membership_id, []).get(r.recipient_membership_id)!).push(r);
      }
      const messages: EmailMessage[] = [...byMember.values()].map((items) => {
        items.sort((x, y) => new Date(y.created_at).getTime() - new Date(x.created_at).getTime());
        const first = items[0];
        return {
          organisationId: first.organisation_id,
          to: first.email,
          kind: "notification.digest",
          ...digestEmail({ name: first.name, orgName: first.org_name, items: items.map((i) => ({ title: i.title, href: i.href })), baseUrl }),
        };
      });
      pending = await queueEmails(tx, messages);
      run.recipients += new Set(rows.map((r) => r.recipient_membership_id)).size;
      run.emails += messages.length;
      run.notifications += rows.length;
      return rows.length;
    });
    await (pending as Pending | undefined)?.deliver();
    if (claimed === 0) break;
  }
  return run;
}
