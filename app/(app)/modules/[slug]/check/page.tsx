import type { Metadata } from "next";
import Link from "next/link";
import { CheckForm, type PublicQuestion } from "@/components/modules/check-form";
import { getModuleView } from "@/lib/modules/queries";
import { authedPage } from "@/lib/core/page";

export const metadata: Metadata = { title: "Knowledge check" };

export default authedPage(async function CheckPage(ctx, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { module: mod } = await getModuleView(ctx, slug);
  const questions: PublicQuestion[] = mod.knowledgeCheck.questions.map((q) => ({
    id: q.id,
    kind: q.kind,
    prompt: q.prompt,
    scenario: q.scenario,
    options: q.options.map((o) => ({ id: o.id, text: o.text })),
  }));
  return (
    <div className="max-w-3xl">
      <p className="mb-2 text-sm">
        <Link href={`/modules/${mod.slug}`}>← {mod.title}</Link>
      </p>
      <h1 className="text-2xl font-semibold tracking-tight">Knowledge check: {mod.title}</h1>
      <p className="mt-2 text-stone-700">
        {questions.length} questions. You need {mod.knowledgeCheck.passMark}% to pass, and you can retake the check as often as you like.
        After you submit you&apos;ll see an explanation for every option.
      </p>
      <div className="mt-6">
        <CheckForm moduleSlug={mod.slug} questions={questions} />
      </div>
    </div>
  );
});
