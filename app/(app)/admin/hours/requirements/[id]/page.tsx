import type { Metadata } from "next";
import Link from "next/link";
import { RequirementSetForm } from "@/components/hours/admin/requirement-set-form";
import { PageHeader } from "@/components/ui/page-header";
import { getRequirementSet } from "@/lib/hours/requirement-sets";
import { readRules } from "@/lib/hours/requirements";
import { isUuid } from "@/lib/util/uuid";
import { authedPage } from "@/lib/core/page";
import { NotFoundError } from "@/lib/core/errors";

export const metadata: Metadata = { title: "Edit a requirement set" };

export default authedPage(async function EditSetPage(ctx, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!isUuid(id)) throw new NotFoundError();
  const set = await getRequirementSet(ctx, id);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/hours/requirements">← Hour requirements</Link>
      </p>
      <PageHeader title={`Edit: ${set.name}`} description="Each requirement is a number of hours counted over the categories you choose. Changes apply to every trainee's progress at once; the change is audited." />
      <RequirementSetForm set={{ id: set.id, version: set.version, name: set.name, description: set.description, source: set.source, active: set.active, rules: readRules(set.rules) }} />
    </>
  );
});
