import type { Metadata } from "next";
import Link from "next/link";
import { AttemptsLeft } from "@/components/modules/attempts-left";
import { CheckForm } from "@/components/modules/check-form";
import { Alert } from "@/components/ui/alert";
import { openCheck, unavailableMessage } from "@/lib/modules/checks";
import { revealSentence } from "@/lib/modules/assessment/settings";
import { authedPage } from "@/lib/core/page";

export const metadata: Metadata = { title: "Knowledge check" };

export default authedPage(async function CheckPage(ctx, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const check = await openCheck(ctx, slug);
  const { module: mod, draw, availability, settings } = check;
  return (
    <div className="max-w-3xl">
      <p className="mb-2 text-sm">
        <Link href={`/modules/${mod.slug}`}>← {mod.title}</Link>
      </p>
      <h1 className="text-2xl font-semibold tracking-tight">Knowledge check: {mod.title}</h1>
      <p className="mt-2 text-stone-700">
        {check.drawSize} questions
        {check.bankSize > check.drawSize ? `, drawn from a bank of ${check.bankSize} (each attempt gets its own selection)` : ""}. You need {mod.knowledgeCheck.passMark}% to
        pass. {revealSentence(settings.revealAnswers, check.hasPassed)}
      </p>
      <AttemptsLeft availability={availability} waitMinutes={settings.waitMinutes} />
      {draw ? (
        <div className="mt-6">
          <CheckForm moduleSlug={mod.slug} drawId={draw.id} questions={draw.questions} />
        </div>
      ) : (
        <div className="mt-6">
          <Alert tone="warning" title={availability.reason === "limit" ? "No attempts left" : "Not yet"}>
            <p data-testid="check-unavailable">{unavailableMessage(availability)}</p>
            <p className="mt-2">
              <Link href={`/modules/${mod.slug}`}>Back to the module</Link>
            </p>
          </Alert>
        </div>
      )}
    </div>
  );
});
