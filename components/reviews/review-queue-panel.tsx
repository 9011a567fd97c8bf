import Link from "next/link";
import { waitingFor } from "@/components/cases/format";
import type { Ctx } from "@/lib/core/context";
import { queueSummary } from "@/lib/cases/queue";

/** Home page panel for supervisors: how many cases wait for them and for how long. */
export async function ReviewQueuePanel({ ctx }: { ctx: Ctx }) {
  const { waiting, oldest } = await queueSummary(ctx);
  return (
    <section aria-labelledby="review-queue-panel" className="rounded-lg border border-stone-200 bg-white p-5">
      <h2 id="review-queue-panel" className="text-lg font-semibold">Cases to review</h2>
      {waiting === 0 ? (
        <p className="mt-2 text-stone-700">Nothing is waiting for your review.</p>
      ) : (
        <p className="mt-2">
          {waiting === 1 ? "1 case is" : `${waiting} cases are`} waiting
          {oldest ? `; the oldest for ${waitingFor(oldest)}` : ""}. <Link href="/reviews">Open the review queue</Link>
        </p>
      )}
    </section>
  );
}
