import type { Metadata } from "next";
import Link from "next/link";
import { SessionForm } from "@/components/hours/session-form";
import { PageHeader } from "@/components/ui/page-header";
import { today } from "@/lib/hours/days";
import { listSessionChoices } from "@/lib/hours/sessions";
import { authedPage } from "@/lib/core/page";

export const metadata: Metadata = { title: "Record a supervision session" };

export default authedPage(async function NewSessionPage(ctx) {
  const people = await listSessionChoices(ctx);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/hours/sessions">← Sessions</Link>
      </p>
      <PageHeader title="Record a supervision session" description="Who attended, for how long, what you discussed. Each attendee's ledger gets the hours as supervision, approved by you." />
      <SessionForm people={people} today={today()} />
    </>
  );
});
