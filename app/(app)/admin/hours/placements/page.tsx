import type { Metadata } from "next";
import { ActionButton } from "@/components/admin/action-button";
import { PickAndAdd } from "@/components/admin/pick-and-add";
import { AssignPlacementForm, EditPlacementForm, NewPlacementForm } from "@/components/hours/admin/placement-forms";
import { PageHeader } from "@/components/ui/page-header";
import { setPlacementEndedAction, setPlacementSupervisorAction } from "@/lib/hours/actions/placements";
import { listAssignments, listPlacements } from "@/lib/hours/placements";
import { PLACEMENT_KIND_LABELS } from "@/lib/hours/schemas";
import { authedPage } from "@/lib/core/page";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { decodeCursor, encodeCursor, isNameCursor } from "@/lib/util/cursor";
import { searchText } from "@/lib/util/params";

export const metadata: Metadata = { title: "Placements" };

export default authedPage(async function PlacementsPage(ctx, { searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const q = searchText(sp);
  const after = decodeCursor(sp.after, isNameCursor);
  const [sites, { rows: assignments, next }] = await Promise.all([listPlacements(ctx, { includeArchived: true }), listAssignments(ctx, { q, after })]);
  const nextHref = next ? `/admin/hours/placements?${new URLSearchParams({ ...(q ? { q } : {}), after: encodeCursor(next) })}#placed-heading` : null;
  const current = sites.filter((s) => !s.archivedAt);
  return (
    <>
      <PageHeader title="Placements" description="Placement sites are your organisation's records (a name and a kind, never client details). Place each trainee at a site with the supervisors who approve the hours logged there; a trainee may have several placements." />
      <section aria-labelledby="sites-heading" className="rounded-lg border border-stone-200 bg-white p-5">
        <h2 id="sites-heading" className="mb-4 text-lg font-semibold">Placement sites</h2>
        <NewPlacementForm />
        {sites.length ? (
          <ul className="mt-6 divide-y divide-stone-200">
            {sites.map((s) => (
              <li key={s.id} className="py-3" data-testid="placement-site">
                <p className="mb-2 text-sm text-stone-700">
                  {s.name} · {PLACEMENT_KIND_LABELS[s.kind as keyof typeof PLACEMENT_KIND_LABELS] ?? s.kind}
                  {s.archivedAt ? " · archived" : ""}
                </p>
                <EditPlacementForm placement={{ id: s.id, version: s.version, name: s.name, kind: s.kind, archived: Boolean(s.archivedAt) }} />
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      <section aria-labelledby="assign-heading" className="mt-6 rounded-lg border border-stone-200 bg-white p-5">
        <h2 id="assign-heading" className="mb-4 text-lg font-semibold">Place a trainee</h2>
        {current.length === 0 ? <p className="text-stone-700">Add a placement site first.</p> : <AssignPlacementForm sites={current.map((s) => ({ id: s.id, name: s.name }))} />}
      </section>
      <section aria-labelledby="placed-heading" className="mt-6">
        <h2 id="placed-heading" className="mb-3 text-lg font-semibold">Trainees and their placements</h2>
        <form method="get" role="search" aria-label="Find a placement" className="mb-3 flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="placed-q" className="block text-sm font-medium">Trainee or site name</label>
            <input id="placed-q" name="q" defaultValue={q} maxLength={100} className="mt-1 min-h-11 rounded-md border border-stone-400 bg-white px-3" />
          </div>
          <button type="submit" className={buttonClass("secondary")}>Find</button>
        </form>
        {assignments.length === 0 ? (
          <p className="text-stone-700">{q || after ? "No placements match." : "Nobody is placed yet."}</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white" tabIndex={0} role="region" aria-label="Trainees and their placements">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Trainees and their placements</caption>
              <thead className="bg-stone-100">
                <tr>
                  <th scope="col" className="px-3 py-2">Trainee</th>
                  <th scope="col" className="px-3 py-2">Site</th>
                  <th scope="col" className="px-3 py-2">Site supervisors</th>
                  <th scope="col" className="px-3 py-2">Status</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-200">
                {assignments.map((a) => (
                  <tr key={a.traineePlacementId} data-testid="placement-assignment">
                    <th scope="row" className="px-3 py-2 text-left font-normal">{a.traineeName}</th>
                    <td className="px-3 py-2">
                      {a.placementName}
                      {a.startsOn || a.endsOn ? <span className="block text-stone-700">{a.startsOn ?? "…"} to {a.endsOn ?? "…"}</span> : null}
                    </td>
                    <td className="space-y-2 px-3 py-2">
                      <ul>
                        {a.supervisors.map((s) => (
                          <li key={s.membershipId} className="flex flex-wrap items-center gap-2">
                            {s.name}
                            {a.supervisors.length > 1 ? (
                              <ActionButton
                                action={setPlacementSupervisorAction}
                                payload={{ traineePlacementId: a.traineePlacementId, supervisorMembershipId: s.membershipId, assigned: false }}
                                label="Remove"
                                variant="ghost"
                                success={`${s.name} no longer approves ${a.traineeName}'s hours at ${a.placementName}.`}
                                accessibleLabel={`Remove ${s.name} as site supervisor of ${a.traineeName} at ${a.placementName}`}
                              />
                            ) : null}
                          </li>
                        ))}
                      </ul>
                      <PickAndAdd
                        label={`Add a site supervisor for ${a.traineeName} at ${a.placementName}`}
                        options={[]}
                        search={{ role: "supervisor", exclude: a.supervisors.map((s) => s.membershipId) }}
                        emptyText="Every supervisor already approves here."
                        button="Add"
                        success="Site supervisor added."
                        action={setPlacementSupervisorAction}
                        base={{ traineePlacementId: a.traineePlacementId, assigned: true }}
                        field="supervisorMembershipId"
                      />
                    </td>
                    <td className="px-3 py-2">
                      <span className="block">{a.archived ? "Ended" : "Current"}</span>
                      <ActionButton
                        action={setPlacementEndedAction}
                        payload={{ traineePlacementId: a.traineePlacementId, version: a.version, archived: !a.archived }}
                        label={a.archived ? "Reopen" : "End placement"}
                        variant="ghost"
                        success={a.archived ? "Placement reopened." : "Placement ended: its hours stay; no new ones can be logged there."}
                        accessibleLabel={`${a.archived ? "Reopen" : "End placement"}: ${a.traineeName} at ${a.placementName}`}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {nextHref ? (
          <p className="mt-4">
            <Link href={nextHref}>Next page</Link>
          </p>
        ) : null}
      </section>
    </>
  );
});
