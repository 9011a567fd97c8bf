import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { ProgressBar } from "@/components/ui/progress-bar";
import { formatAuDate } from "@/lib/modules/certificates";
import { readingMinutes } from "@/lib/modules/markdown";
import { getModuleView, percentOf } from "@/lib/modules/queries";
import { isReflectionComplete } from "@/lib/modules/reflection-spec";
import { AttemptsLeft } from "@/components/modules/attempts-left";
import { getCheckStatus, unavailableMessage } from "@/lib/modules/checks";
import { drawSize } from "@/lib/modules/assessment/draw";
import { authedPage } from "@/lib/core/page";
import { orgTimeZone } from "@/lib/orgs/settings";

export const metadata: Metadata = { title: "Module" };

export default authedPage(async function ModulePage(ctx, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const [{ module: mod, completed, attempts, certificate, reflection }, zone] = await Promise.all([getModuleView(ctx, slug), orgTimeZone(ctx)]);
  const passed = attempts.some((a) => a.passed);
  const best = attempts.reduce<number | null>((m, a) => (m === null || a.score > m ? a.score : m), null);
  const done = mod.lessons.filter((l) => completed.has(l.id)).length;
  const firstOpen = mod.lessons.find((l) => !completed.has(l.id)) ?? mod.lessons[0];
  const reflectionDone = isReflectionComplete(mod.reflection, reflection?.content);
  const status = await getCheckStatus(ctx, mod);
  const bank = mod.knowledgeCheck.questions.length;
  const served = drawSize(mod.knowledgeCheck);
  // Where the reflection is required, it is one more step towards the certificate.
  const progress = status.certificate.reflectionRequired
    ? Math.round(((done + (passed ? 1 : 0) + (reflectionDone ? 1 : 0)) / (mod.lessons.length + 2)) * 100)
    : percentOf(done, mod.lessons.length, passed);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/modules">← All modules</Link>
      </p>
      <p className="text-sm font-semibold uppercase tracking-wide text-stone-700">Module {mod.position}</p>
      <h1 className="text-2xl font-semibold tracking-tight">{mod.title}</h1>
      <p className="mt-2 max-w-3xl text-stone-700">{mod.summary}</p>
      <div className="mt-4 max-w-md">
        <ProgressBar percent={certificate ? 100 : progress} label="Module progress" />
      </div>

      {certificate ? (
        <section aria-labelledby="cert" className="mt-6 rounded-lg border border-green-700 bg-green-50 p-5">
          <h2 id="cert" className="text-lg font-semibold">
            Module complete
          </h2>
          <p className="mt-1">
            Certificate {certificate.serial}, issued {formatAuDate(certificate.issuedAt, zone)}. <Link href="/certificates">All my certificates</Link>
          </p>
          <div className="mt-3 flex flex-wrap gap-3">
            <a className={buttonClass("primary")} href={`/certificates/${certificate.serial}/pdf`}>
              Download certificate (PDF)
            </a>
            <Link className={buttonClass("secondary")} href={`/verify/${certificate.serial}`}>
              Verification page
            </Link>
          </div>
        </section>
      ) : (
        <p className="mt-4 max-w-3xl text-sm text-stone-700" data-testid="certificate-rule">
          Certificate: mark every lesson complete and pass the knowledge check
          {status.certificate.reflectionRequired ? ", and write your reflection in full (your organisation requires it for this module)" : ""}.
        </p>
      )}

      <div className="mt-6 grid items-start gap-6 lg:grid-cols-3">
        <section aria-labelledby="lessons" className="rounded-lg border border-stone-200 bg-white p-5 lg:col-span-2">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 id="lessons" className="text-lg font-semibold">
              Lessons
            </h2>
            {firstOpen ? (
              <Link className={buttonClass("primary")} href={`/modules/${mod.slug}/lessons/${firstOpen.slug}`}>
                {done === 0 ? "Start the module" : done === mod.lessons.length ? "Read again" : "Continue"}
              </Link>
            ) : null}
          </div>
          <ol className="mt-3 divide-y divide-stone-200">
            {mod.lessons.map((l, i) => (
              <li key={l.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                <span>
                  {i + 1}. <Link href={`/modules/${mod.slug}/lessons/${l.slug}`}>{l.title}</Link>
                  <span className="ml-2 text-sm text-stone-700">{readingMinutes(l.wordCount)} min read</span>
                </span>
                <span className={`text-sm font-medium ${completed.has(l.id) ? "text-green-800" : "text-stone-700"}`}>
                  {completed.has(l.id) ? "✓ Complete" : "Not yet read"}
                </span>
              </li>
            ))}
          </ol>
        </section>
        <div className="space-y-6">
          <section aria-labelledby="check" className="rounded-lg border border-stone-200 bg-white p-5">
            <h2 id="check" className="text-lg font-semibold">
              Knowledge check
            </h2>
            <p className="mt-1 text-sm text-stone-700">
              {served} questions{bank > served ? ` drawn from a bank of ${bank}` : ""} · pass mark {mod.knowledgeCheck.passMark}%
            </p>
            <AttemptsLeft availability={status.availability} waitMinutes={status.settings.waitMinutes} />
            <p className="mt-2 text-sm">
              {passed || status.hasPassed ? `Passed (best ${best}%).` : best !== null ? `Best so far: ${best}%.` : "Not attempted yet."}
            </p>
            {status.availability.allowed ? (
              <Link className={`${buttonClass(passed ? "secondary" : "primary")} mt-3`} href={`/modules/${mod.slug}/check`}>
                {attempts.length ? "Take the check again" : "Take the check"}
              </Link>
            ) : (
              <p className="mt-2 text-sm font-medium text-stone-800" data-testid="next-attempt">
                {unavailableMessage(status.availability)}
              </p>
            )}
            {attempts.length ? (
              <ul className="mt-3 space-y-1 text-sm">
                {attempts.slice(0, 5).map((a) => (
                  <li key={a.id}>
                    <Link href={`/modules/${mod.slug}/check/attempts/${a.id}`}>
                      {formatAuDate(a.createdAt, zone)}: {a.score}% {a.passed ? "(passed)" : "(not passed)"}
                    </Link>
                  </li>
                ))}
              </ul>
            ) : null}
          </section>
          <section aria-labelledby="reflect" className="rounded-lg border border-stone-200 bg-white p-5">
            <h2 id="reflect" className="text-lg font-semibold">
              Reflection
            </h2>
            <p className="mt-1 text-sm text-stone-700">
              {mod.reflection.kind === "two_relationships" ? "The two-relationships exercise." : "One question to think through in writing."} Private unless you
              share it with your supervisors.
            </p>
            {status.certificate.reflectionRequired ? (
              <p className="mt-1 text-sm font-medium text-stone-800">Your organisation requires this reflection for the certificate.</p>
            ) : null}
            <p className="mt-2 text-sm">
              {reflectionDone ? "Written" : reflection ? "Draft saved" : "Not started"}
              {reflection?.sharedAt ? " · shared with your supervisors" : ""}
            </p>
            <Link className={`${buttonClass("secondary")} mt-3`} href={`/modules/${mod.slug}/reflection`}>
              {reflection ? "Open your reflection" : "Write your reflection"}
            </Link>
          </section>
          <section aria-labelledby="outcomes" className="rounded-lg border border-stone-200 bg-white p-5">
            <h2 id="outcomes" className="text-lg font-semibold">
              Learning outcomes
            </h2>
            <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
              {mod.outcomes.map((o) => (
                <li key={o}>{o}</li>
              ))}
            </ul>
          </section>
        </div>
      </div>
      <section aria-labelledby="refs" className="mt-6 rounded-lg border border-stone-200 bg-white p-5">
        <h2 id="refs" className="text-lg font-semibold">
          References
        </h2>
        <ul className="mt-2 space-y-1 text-sm">
          {mod.references.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      </section>
    </>
  );
});
