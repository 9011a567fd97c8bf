import type { Metadata } from "next";
import Link from "next/link";
import { isUuid } from "@/lib/util/uuid";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { getVersionsForCompare } from "@/lib/cases/queries";
import { NotFoundError } from "@/lib/core/errors";
import { VersionDiff } from "@/components/cases/version-diff";
import type { CaseDraft } from "@/lib/cases/schemas";
import { intParam } from "@/lib/util/params";
import { authedPage } from "@/lib/core/page";

export const metadata: Metadata = { title: "Compare versions" };

export default authedPage(async function VersionsPage(ctx, { params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  if (!isUuid(id)) throw new NotFoundError();
  const sp = await searchParams;
  const b = intParam(sp, "b", 2, 100_000) ?? 2;
  const a = Math.min(b - 1, intParam(sp, "a", 1, 100_000) ?? b - 1);
  const { left, right } = await getVersionsForCompare(ctx, id, a, b);
  if (!left) throw new NotFoundError();
  return (
    <>
      <p className="mb-2 text-sm"><Link href={`/cases/${id}`}>← Back to the case</Link></p>
      <PageHeader title={`Compare version ${a} with version ${right ? b : a}`} description="Removed words are struck through; added words are underlined." />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-stone-200 bg-white p-4">
        <div>
          <label htmlFor="a" className="block text-sm font-medium">Earlier version</label>
          <input id="a" name="a" type="number" min={1} defaultValue={a} className="mt-1 min-h-11 w-24 rounded-md border border-stone-400 px-3" />
        </div>
        <div>
          <label htmlFor="b" className="block text-sm font-medium">Later version</label>
          <input id="b" name="b" type="number" min={2} defaultValue={b} className="mt-1 min-h-11 w-24 rounded-md border border-stone-400 px-3" />
        </div>
        <button type="submit" className={buttonClass("primary")}>Compare</button>
      </form>
      {!right ? <p className="text-stone-700">There is no version {b} yet.</p> : null}
      <VersionDiff before={left.content as CaseDraft} after={(right?.content ?? left.content) as CaseDraft} />
    </>
  );
});
