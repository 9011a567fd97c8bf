import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RequirementSetForm } from "@/components/hours/admin/requirement-set-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireContext } from "@/lib/core/context";
import { orNotFound } from "@/lib/core/denied";
import { getRequirementSet } from "@/lib/hours/requirement-sets";
import { readRules } from "@/lib/hours/requirements";
import { isUuid } from "@/lib/util/uuid";

export const metadata: Metadata = { title: "Edit a requirement set" };

export default async function EditSetPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireContext();
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const set = await orNotFound(getRequirementSet(ctx, id));
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/hours/requirements">← Hour requirements</Link>
      </p>
      <PageHeader title={`Edit: ${set.name}`} description="Each requirement is a number of hours counted over the categories you choose. Changes apply to every trainee's progress at once; the change is audited." />
      <RequirementSetForm set={{ id: set.id, version: set.version, name: set.name, description: set.description, source: set.source, active: set.active, rules: readRules(set.rules) }} />
    </>
  );
}
