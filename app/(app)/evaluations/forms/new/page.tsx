import type { Metadata } from "next";
import Link from "next/link";
import { FormBuilder } from "@/components/evaluations/form-builder";
import { PageHeader } from "@/components/ui/page-header";
import { blankDefinition } from "@/lib/evaluations/definition";
import { authedPage } from "@/lib/core/page";

export const metadata: Metadata = { title: "Build an evaluation form" };

export default authedPage({ permission: "evaluations.forms" }, async function NewFormPage(ctx) {
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/evaluations/forms">← All forms</Link>
      </p>
      <PageHeader title="Build an evaluation form" description="Start from a five-point developmental scale and one domain; change anything, add domains and competencies." />
      <FormBuilder initial={blankDefinition()} />
    </>
  );
});
