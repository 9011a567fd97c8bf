import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { readingMinutes, renderLesson } from "@/lib/modules/markdown";
import { openLesson } from "@/lib/modules/queries";
import { completeLessonAction } from "@/lib/modules/actions/lessons";
import { authedPage } from "@/lib/core/page";

export const metadata: Metadata = { title: "Lesson" };

export default authedPage(async function LessonPage(ctx, { params }: { params: Promise<{ slug: string; lesson: string }> }) {
  const { slug, lesson: lessonSlug } = await params;
  const view = await openLesson(ctx, slug, lessonSlug);
  const { module: mod, lesson, previous, next } = view;
  return (
    <div className="gap-10 lg:grid lg:grid-cols-[minmax(0,48rem)_16rem]">
    <article className="min-w-0">
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href={`/modules/${mod.slug}`}>{mod.title}</Link>
      </nav>
      <p className="text-sm text-stone-700">
        Lesson {view.position} of {view.total} · {readingMinutes(lesson.wordCount)} min read
        {view.completedAt ? " · ✓ complete" : ""}
      </p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight">{lesson.title}</h1>
      <div className="prose-lesson mt-4 text-stone-900" dangerouslySetInnerHTML={{ __html: renderLesson(lesson) }} />
      <div className="no-print mt-8 flex flex-wrap items-center justify-between gap-3 border-t border-stone-200 pt-6">
        {previous ? (
          <Link className={buttonClass("secondary")} href={`/modules/${mod.slug}/lessons/${previous.slug}`}>
            ← Previous: {previous.title}
          </Link>
        ) : (
          <span />
        )}
        <form action={completeLessonAction}>
          <input type="hidden" name="moduleSlug" value={mod.slug} />
          <input type="hidden" name="lessonSlug" value={lesson.slug} />
          {next ? <input type="hidden" name="next" value={next.slug} /> : null}
          <button type="submit" className={buttonClass("primary")}>
            {view.completedAt ? (next ? `Next: ${next.title} →` : "Back to the module") : next ? "Mark complete and continue →" : "Mark complete"}
          </button>
        </form>
      </div>
    </article>
    <nav aria-labelledby="module-lessons" className="no-print mt-10 lg:mt-0">
      <h2 id="module-lessons" className="text-sm font-semibold uppercase tracking-wide text-stone-700">
        Lessons in this module
      </h2>
      <ol className="mt-2 space-y-1 text-sm">
        {mod.lessons.map((l, i) => (
          <li key={l.id}>
            {l.id === lesson.id ? (
              <span aria-current="page" className="font-semibold">
                {i + 1}. {l.title}
              </span>
            ) : (
              <Link href={`/modules/${mod.slug}/lessons/${l.slug}`}>
                {i + 1}. {l.title}
              </Link>
            )}
          </li>
        ))}
      </ol>
    </nav>
    </div>
  );
});
