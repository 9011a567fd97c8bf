import type { Metadata } from "next";
import Link from "next/link";
import { DeleteEntryButton } from "@/components/hours/delete-entry-button";
import { EntryForm } from "@/components/hours/entry-form";
import { EntryStatusBadge } from "@/components/hours/labels";
import { formatDateTime } from "@/components/cases/format";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { categoryLabel } from "@/lib/hours/categories";
import { formatCell, formatDuration } from "@/lib/hours/duration";
import { fullDay, today } from "@/lib/hours/days";
import { getEntry } from "@/lib/hours/ledger";
import { listMyPlacements } from "@/lib/hours/placements";
import { isUuid } from "@/lib/util/uuid";
import { authedPage } from "@/lib/core/page";
import { NotFoundError } from "@/lib/core/errors";

export const metadata: Metadata = { title: "Hour entry" };

const ACTIONS: Record<string, string> = {
  "hours.entry_created": "Added",
  "hours.entry_updated": "Changed",
  "hours.entry_submitted": "Submitted for approval",
  "hours.entry_approved": "Approved",
  "hours.entry_returned": "Returned",
  "hours.correction_created": "Correction recorded",
};

export default authedPage(async function EntryPage(ctx, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!isUuid(id)) throw new NotFoundError();
  const { entry, trainee, history } = await getEntry(ctx, id);
  const own = ctx.role === "trainee" && entry.traineeMembershipId === ctx.membershipId;
  const editable = own && (entry.status === "draft" || entry.status === "returned") && !entry.sessionId;
  const correctable = own && entry.status === "approved" && !entry.sessionId && !entry.correctionId;
  const placements = own && (editable || correctable) ? await listMyPlacements(ctx) : [];
  const choices = placements.filter((p) => !p.archived || p.traineePlacementId === entry.traineePlacementId).map((p) => ({ traineePlacementId: p.traineePlacementId, name: p.name }));
  const values = { traineePlacementId: entry.traineePlacementId ?? "", occurredOn: entry.occurredOn, duration: formatCell(entry.minutes) || "0:00", category: entry.category, note: entry.note };
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={own ? "/hours" : `/hours/trainees/${trainee.membershipId}`}>← {own ? "Your hours" : `${trainee.name}'s hours`}</Link>
      </p>
      <PageHeader title={`${categoryLabel(entry.category)}, ${fullDay(entry.occurredOn)}`} description={own ? undefined : trainee.name} />
      <section aria-labelledby="entry-facts" className="rounded-lg border border-stone-200 bg-white p-5">
        <h2 id="entry-facts" className="sr-only">The entry</h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2">
          <dt className="font-medium">Status</dt>
          <dd><EntryStatusBadge status={entry.status} superseded={Boolean(entry.supersededBy)} /></dd>
          <dt className="font-medium">Duration</dt>
          <dd data-testid="entry-duration">{formatDuration(entry.minutes)}</dd>
          <dt className="font-medium">Where</dt>
          <dd>{entry.sessionId ? <Link href={`/hours/sessions/${entry.sessionId}`}>Supervision session</Link> : (entry.placementName ?? "—")}</dd>
          {entry.note ? (
            <>
              <dt className="font-medium">Note</dt>
              <dd>{entry.note}</dd>
            </>
          ) : null}
          {entry.approvedAt ? (
            <>
              <dt className="font-medium">Approved</dt>
              <dd>
                by {entry.approvedBy} on {formatDateTime(entry.approvedAt)}, signed “{entry.approvalAttestation}”
              </dd>
            </>
          ) : null}
          {entry.correctsEntryId ? (
            <>
              <dt className="font-medium">Corrects</dt>
              <dd><Link href={`/hours/entries/${entry.correctsEntryId}`}>the approved entry it replaces</Link> (kept, and counted until this correction is approved)</dd>
            </>
          ) : null}
          {entry.correctionId ? (
            <>
              <dt className="font-medium">Correction</dt>
              <dd>
                <Link href={`/hours/entries/${entry.correctionId}`}>{entry.supersededBy ? "Replaced by an approved correction" : "A correction is waiting"}</Link>
              </dd>
            </>
          ) : null}
        </dl>
        {entry.status === "returned" && entry.returnReason ? (
          <div className="mt-4">
            <Alert tone="warning" title="Returned by your supervisor">
              {entry.returnReason}
            </Alert>
          </div>
        ) : null}
        {entry.status === "approved" ? <p className="mt-4 text-sm text-stone-700">Approved entries are locked. A correction is a new entry that points at this one; both are kept.</p> : null}
      </section>
      {editable && choices.length ? (
        <section aria-labelledby="edit-heading" className="mt-6 rounded-lg border border-stone-200 bg-white p-5">
          <h2 id="edit-heading" className="mb-4 text-lg font-semibold">{entry.status === "returned" ? "Fix and resubmit" : "Edit"}</h2>
          <EntryForm mode={{ kind: "edit", id: entry.id, version: entry.version }} today={today()} placements={choices} defaults={values} />
          {entry.status === "returned" ? <p className="mt-3 text-sm text-stone-700">After saving, submit it again from your hours.</p> : null}
          <div className="mt-4">
            <DeleteEntryButton id={entry.id} version={entry.version} />
          </div>
        </section>
      ) : null}
      {correctable && choices.length ? (
        <details className="mt-6 rounded-lg border border-stone-200 bg-white p-5">
          <summary className="cursor-pointer text-lg font-semibold">Correct this entry</summary>
          <p className="mt-2 text-sm text-stone-700">Enter what it should have been (0:00 withdraws it). The correction goes to your supervisor for approval.</p>
          <div className="mt-4">
            <EntryForm mode={{ kind: "correct", correctsId: entry.id }} today={today()} placements={choices} defaults={{ ...values, note: "" }} />
          </div>
        </details>
      ) : null}
      <section aria-labelledby="history-heading" className="mt-6 rounded-lg border border-stone-200 bg-white p-5">
        <h2 id="history-heading" className="text-lg font-semibold">History</h2>
        {history.length === 0 ? (
          <p className="mt-2 text-stone-700">No recorded changes.</p>
        ) : (
          <ol className="mt-2 space-y-1">
            {history.map((h, i) => (
              <li key={i}>
                {formatDateTime(h.at)}: {ACTIONS[h.action] ?? h.action}
                {h.actor ? ` by ${h.actor}` : ""}
                {h.action === "hours.entry_returned" && typeof h.detail?.reason === "string" ? ` (“${h.detail.reason}”)` : ""}
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
});
