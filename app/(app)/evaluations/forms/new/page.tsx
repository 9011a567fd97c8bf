import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FormBuilder } from "@/components/evaluations/form-builder";
import { PageHeader } from "@/components/ui/page-header";
import { requireContext } from "@/lib/core/context";
import { can } from "@/lib/core/permissions";
import { blankDefinition } from "@/lib/evaluations/definition";

export const metadata: Metadata = { title: "Build an evaluation form" };

export default async function NewFormPage() {
  const ctx = await requireContext();
  if (!can(ctx.role, "evaluations.forms")) notFound();
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/evaluations/forms">← All forms</Link>
      </p>
      <PageHeader title="Build an evaluation form" description="Start from a five-point developmental scale and one domain; change anything, add domains and competencies." />
      <FormBuilder initial={blankDefinition()} />
    </>
  );
}
