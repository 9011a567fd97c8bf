import type { Metadata } from "next";
import Link from "next/link";
import { ReflectionForm } from "@/components/modules/reflection-form";
import { ReflectionThread } from "@/components/modules/reflection-thread";
import { listReflectionComments } from "@/lib/modules/reflection-comments";
import { getMyReflection } from "@/lib/modules/reflections";
import { getCheckStatus } from "@/lib/modules/checks";
import { REFLECTION_FIELD_MAX, reflectionFields } from "@/lib/modules/reflection-spec";
import { authedPage } from "@/lib/core/page";

export const metadata: Metadata = { title: "Reflection" };

export default authedPage(async function ReflectionPage(ctx, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { module: mod, reflection } = await getMyReflection(ctx, slug);
  const [comments, status] = await Promise.all([reflection?.sharedAt ? listReflectionComments(ctx, reflection.id) : Promise.resolve([]), getCheckStatus(ctx, mod)]);
  return (
    <div className="max-w-3xl">
      <p className="mb-2 text-sm">
        <Link href={`/modules/${mod.slug}`}>← {mod.title}</Link>
      </p>
      <h1 className="text-2xl font-semibold tracking-tight">
        {mod.reflection.kind === "two_relationships" ? "Reflection: two relationships" : `Reflection: ${mod.title}`}
      </h1>
      <p className="mt-2 text-stone-700">
        Your answers save as you type. They are private to you unless you share them with your supervisors, and you can stop sharing at any time. Describe
        people by their role, never by name.
      </p>
      {status.certificate.reflectionRequired && !status.certificate.certificate ? (
        <p className="mt-2 font-medium text-stone-800" data-testid="reflection-required">
          Your organisation requires this reflection for the module&apos;s certificate: answer every question in it.
        </p>
      ) : null}
      <div className="mt-6">
        <ReflectionForm
          moduleSlug={mod.slug}
          storageKey={`rapport:reflection:${ctx.membershipId}:${mod.slug}`}
          fields={reflectionFields(mod.reflection)}
          initial={reflection?.content ?? {}}
          version={reflection?.version ?? 0}
          sharedAt={reflection?.sharedAt?.toISOString() ?? null}
          maxLength={REFLECTION_FIELD_MAX}
        />
      </div>
      {reflection?.sharedAt ? (
        <section aria-labelledby="reflection-comments" className="mt-8 rounded-lg border border-stone-200 bg-white p-5">
          <h2 id="reflection-comments" className="text-lg font-semibold">
            Your supervisors&apos; comments
          </h2>
          <ReflectionThread reflectionId={reflection.id} comments={comments} canStart={false} />
        </section>
      ) : null}
    </div>
  );
});
