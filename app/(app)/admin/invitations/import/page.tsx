import type { Metadata } from "next";
import Link from "next/link";
import { ImportPanel } from "@/components/admin/import-panel";
import { PageHeader } from "@/components/ui/page-header";
import { authedPage } from "@/lib/core/page";

export const metadata: Metadata = { title: "Invite many people" };

export default authedPage({ permission: "org.manage" }, async function ImportPage(ctx) {
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/invitations">← Invitations</Link>
      </p>
      <PageHeader
        title="Invite many people"
        description="Upload a CSV file or paste a list. You'll see every row checked first; only the valid rows are imported, and importing the same list again invites nobody twice."
      />
      <ImportPanel />
    </>
  );
});
