import type { Metadata } from "next";
import Link from "next/link";
import { ActionButton } from "@/components/admin/action-button";
import { ConfirmActionButton } from "@/components/admin/confirm-action-button";
import { BULK_INVITATIONS_FORM_ID, BulkInvitationsForm } from "@/components/admin/bulk-invitations-form";
import { InviteForm } from "@/components/admin/invite-form";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { formatDate } from "@/lib/onboarding/due";
import { listInvitations, type InvitationStatus } from "@/lib/onboarding/invitations";
import { decodeCursor, encodeCursor, isAtCursor } from "@/lib/util/cursor";
import { ROLE_LABELS } from "@/lib/core/permissions";
import { resendInvitationAction, revokeInvitationAction } from "@/lib/onboarding/actions/invitations";
import { DataTable } from "@/components/ui/data-table";
import { oneOf, searchText } from "@/lib/util/params";
import { authedPage } from "@/lib/core/page";

export const metadata: Metadata = { title: "Invitations" };

const STATUS_LABELS: Record<InvitationStatus, string> = { open: "Waiting", expired: "Expired", accepted: "Accepted", revoked: "Revoked" };
const STATUSES = Object.keys(STATUS_LABELS) as InvitationStatus[];

export default authedPage({ permission: "org.manage" }, async function InvitationsPage(ctx, { searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const status = oneOf(sp, "status", STATUSES);
  const q = searchText(sp);
  const { rows, next } = await listInvitations(ctx, { status, q, after: decodeCursor(sp.after, isAtCursor) });
  const nextHref = next ? `/admin/invitations?${new URLSearchParams({ ...(status ? { status } : {}), ...(q ? { q } : {}), after: encodeCursor(next) })}` : null;

  return (
    <>
      <PageHeader
        title="Invitations"
        description="Invite people by email. Each link works once, for 14 days. Resending sends a new link and stops the old one."
        actions={<Link href="/admin/invitations/import" className={buttonClass("secondary")}>Invite many (CSV or paste)</Link>}
      />
      <section aria-labelledby="invite-one" className="mb-8 rounded-lg border border-stone-200 bg-white p-5">
        <h2 id="invite-one" className="mb-4 text-lg font-semibold">Invite one person</h2>
        <InviteForm />
      </section>

      <section aria-labelledby="sent">
        <h2 id="sent" className="mb-3 text-lg font-semibold">Sent invitations</h2>
        <form method="get" role="search" aria-label="Filter invitations" className="mb-4 flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="inv-q" className="block text-sm font-medium">Email contains</label>
            <input id="inv-q" name="q" defaultValue={q} maxLength={100} className="mt-1 min-h-11 rounded-md border border-stone-400 px-3" />
          </div>
          <div>
            <label htmlFor="inv-status" className="block text-sm font-medium">Status</label>
            <select id="inv-status" name="status" defaultValue={status ?? ""} className="mt-1 min-h-11 rounded-md border border-stone-400 bg-white px-2">
              <option value="">Any status</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>{STATUS_LABELS[s]}</option>
              ))}
            </select>
          </div>
          <button type="submit" className={buttonClass("secondary")}>Filter</button>
        </form>
        {rows.length === 0 ? (
          <p className="text-stone-700">{q || status ? "No invitations match." : "No invitations yet. An invitation emails someone a link to join your organisation with a role. Use the form above to invite your first supervisors and trainees."}</p>
        ) : (
          <>
          <BulkInvitationsForm />
          <DataTable
            label="Invitations table"
            caption="Sent invitations"
            columns={["Select", "Email", "Name", "Role", "Cohort", "Status", "Actions"]}
          >
            <tbody className="divide-y divide-stone-200">
              {rows.map((r) => (
                <tr key={r.id} data-testid="invitation-row">
                  <td className="px-3 py-2">
                    {r.status === "open" || r.status === "expired" ? (
                      <input type="checkbox" name="invitations" value={`${r.id}:${r.version}`} form={BULK_INVITATIONS_FORM_ID} aria-label={`Select the invitation to ${r.email}`} className="size-5" />
                    ) : null}
                  </td>
                  <td className="px-3 py-2">{r.email}</td>
                  <td className="px-3 py-2">{r.name || "—"}</td>
                  <td className="px-3 py-2">{ROLE_LABELS[r.role]}</td>
                  <td className="px-3 py-2">{r.cohortName ?? "—"}</td>
                  <td className="px-3 py-2">
                    {STATUS_LABELS[r.status]}
                    {r.status === "open" ? <span className="block text-stone-700">until {formatDate(r.expiresAt)}</span> : null}
                  </td>
                  <td className="px-3 py-2">
                    {r.status === "open" || r.status === "expired" ? (
                      <div className="flex flex-wrap gap-2">
                        <ActionButton action={resendInvitationAction} payload={{ id: r.id, version: r.version }} label="Resend" accessibleLabel={`Resend invitation to ${r.email}`} success="New link sent." />
                        {r.status === "open" ? (
                          <ConfirmActionButton
                            action={revokeInvitationAction}
                            payload={{ id: r.id, version: r.version }}
                            label="Revoke"
                            accessibleLabel={`Revoke invitation to ${r.email}`}
                            title={`Revoke the invitation to ${r.email}?`}
                            confirmLabel={`Revoke invitation to ${r.email}`}
                            success="Invitation revoked."
                          >
                            <p>The link in their email stops working at once. This can’t be undone: to invite them again, send a new invitation.</p>
                          </ConfirmActionButton>
                        ) : null}
                      </div>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
          </>
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
