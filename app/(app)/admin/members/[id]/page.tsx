import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MemberStatusForm } from "@/components/admin/member-status-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireContext } from "@/lib/auth/context";
import { NotFoundError } from "@/lib/errors";
import { getMember } from "@/lib/orgs/members";
import { ROLE_LABELS } from "@/lib/permissions";

export const metadata: Metadata = { title: "Member" };

export default async function MemberPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireContext();
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const member = await getMember(ctx, id).catch((e) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/members">← All members</Link>
      </p>
      <PageHeader title={member.name} description={member.email} />
      <dl className="grid max-w-lg grid-cols-[auto_1fr] gap-x-6 gap-y-2 rounded-lg border border-stone-200 bg-white p-5">
        <dt className="font-medium">Role</dt>
        <dd>{ROLE_LABELS[member.role]}</dd>
        <dt className="font-medium">Status</dt>
        <dd>{member.status === "active" ? "Active" : "Deactivated"}</dd>
        <dt className="font-medium">Joined</dt>
        <dd>{member.joinedAt.toLocaleDateString("en-AU", { day: "numeric", month: "long", year: "numeric", timeZone: "Australia/Sydney" })}</dd>
      </dl>
      <div className="mt-6 max-w-lg">
        <MemberStatusForm membershipId={member.membershipId} status={member.status} version={member.version} isSelf={member.userId === ctx.userId} />
      </div>
    </>
  );
}
