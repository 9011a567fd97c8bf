"use client";

import { useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { bulkAddToCohortAction, bulkAssignSupervisorAction } from "@/lib/orgs/actions/bulk";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { PersonPicker, SearchPicker } from "@/components/ui/search-picker";

export const BULK_FORM_ID = "bulk-members";

/**
 * The members list's bulk actions. The row checkboxes live in the server-rendered table and join
 * this form through their form attribute.
 */
export function BulkMembersForm() {
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [pending, start] = useTransition();

  function run(kind: "supervisor" | "cohort") {
    const fd = new FormData(form.current!);
    const membershipIds = fd.getAll("membershipIds").map(String);
    if (membershipIds.length === 0) return setMessage({ tone: "error", text: "Select at least one member in the table first." });
    start(async () => {
      if (kind === "supervisor") {
        const supervisorMembershipId = String(fd.get("supervisorMembershipId") ?? "");
        if (!supervisorMembershipId) return setMessage({ tone: "error", text: "Choose a supervisor: type part of their name or email and pick them from the list." });
        const r = await bulkAssignSupervisorAction({ membershipIds, supervisorMembershipId });
        if (!r.ok) return setMessage({ tone: "error", text: r.error });
        setMessage({ tone: "success", text: `Supervisor assigned to ${r.data.assigned} of ${membershipIds.length} selected ${membershipIds.length === 1 ? "member" : "members"}${r.data.assigned < membershipIds.length ? " (the others already had them)" : ""}.` });
      } else {
        const cohortId = String(fd.get("cohortId") ?? "");
        if (!cohortId) return setMessage({ tone: "error", text: "Choose a cohort: type part of its name and pick it from the list." });
        const r = await bulkAddToCohortAction({ membershipIds, cohortId });
        if (!r.ok) return setMessage({ tone: "error", text: r.error });
        setMessage({ tone: "success", text: `${r.data.added} of ${membershipIds.length} selected ${membershipIds.length === 1 ? "member" : "members"} added to the cohort.` });
      }
      for (const box of document.querySelectorAll<HTMLInputElement>(`input[form="${BULK_FORM_ID}"]`)) box.checked = false;
      router.refresh();
    });
  }

  return (
    <form id={BULK_FORM_ID} ref={form} onSubmit={(e) => e.preventDefault()} aria-label="Bulk actions" className="mb-4 space-y-3 rounded-lg border border-stone-200 bg-white p-4">
      <h2 className="text-base font-semibold">With the selected members</h2>
      {message ? (
        <Alert tone={message.tone} live>
          {message.text}
        </Alert>
      ) : null}
      <div className="flex flex-wrap items-end gap-3">
        <PersonPicker id="bulk-supervisor" name="supervisorMembershipId" label="Supervisor" role="supervisor" />
        <Button variant="secondary" disabled={pending} onClick={() => run("supervisor")}>Assign supervisor to selected</Button>
        <SearchPicker id="bulk-cohort" name="cohortId" label="Cohort" source="cohort" />
        <Button variant="secondary" disabled={pending} onClick={() => run("cohort")}>Add selected to cohort</Button>
      </div>
    </form>
  );
}
