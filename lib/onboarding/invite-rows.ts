// Pure validation of invitation rows against what the organisation already holds. Every row is
// judged on its own so the preview can say exactly what is wrong with each.
import { z } from "zod";
import type { Role } from "@/db/schema";
import type { InviteRowInput } from "./csv";

export { COHORT_NAME_MAX, NAME_MAX } from "@/lib/orgs/schemas";
import { COHORT_NAME_MAX, NAME_MAX } from "@/lib/orgs/schemas";

export type OrgLookup = {
  /** Lower-case emails of people who already have a membership here (any status). */
  memberEmails: Set<string>;
  /** Lower-case emails with an open (not accepted, not revoked) invitation. */
  invitedEmails: Set<string>;
  /** Lower-case email -> membership id and role of active members (for supervisor_email). */
  activeMembers: Map<string, { membershipId: string; role: Role }>;
  /** Lower-case cohort name -> cohort. */
  cohorts: Map<string, { id: string; name: string; archived: boolean }>;
};

export type RowStatus = "ready" | "skip" | "error";

export type PreviewRow = {
  line: number;
  email: string;
  name: string;
  role: Role | null;
  roleText: string;
  supervisorEmail: string;
  supervisorMembershipId: string | null;
  cohort: string;
  cohortId: string | null;
  status: RowStatus;
  problems: string[];
  note?: string;
};

const ROLE_WORDS: Record<string, Role> = {
  trainee: "trainee",
  supervisor: "supervisor",
  org_admin: "org_admin",
  organisation_admin: "org_admin",
  organization_admin: "org_admin",
  admin: "org_admin",
};

/** Accepts the codes and the labels people type: "Supervisor", "org admin", "Organisation admin". */
export function parseRole(text: string): Role | null {
  return ROLE_WORDS[text.trim().toLowerCase().replace(/[\s-]+/g, "_")] ?? null;
}

const emailCheck = z.email();
export function normaliseEmail(s: string): string | null {
  const e = s.trim().toLowerCase();
  if (!e || e.length > 254 || !emailCheck.safeParse(e).success) return null;
  return e;
}

export function validateInviteRows(rows: InviteRowInput[], lookup: OrgLookup): PreviewRow[] {
  const firstLine = new Map<string, number>();
  return rows.map((r) => {
    const problems: string[] = [];
    if (r.shapeError) problems.push(r.shapeError);
    const email = normaliseEmail(r.email);
    if (!r.email.trim()) problems.push("The email is empty. Add the person's email address.");
    else if (!email) problems.push(`“${r.email.slice(0, 80)}” isn't an email address. Correct it, like name@example.org.`);
    const role = r.role.trim() ? parseRole(r.role) : null;
    if (!r.role.trim()) problems.push("The role is empty. Use trainee, supervisor or org_admin.");
    else if (!role) problems.push(`Unknown role “${r.role.slice(0, 40)}”. Use trainee, supervisor or org_admin.`);
    if (r.name.length > NAME_MAX) problems.push(`The name is longer than ${NAME_MAX} characters. Shorten it.`);

    let supervisorMembershipId: string | null = null;
    const supEmail = r.supervisorEmail.trim().toLowerCase();
    if (supEmail) {
      const sup = lookup.activeMembers.get(supEmail);
      if (role && role !== "trainee") problems.push("Only trainees have a supervisor. Clear supervisor_email or make this person a trainee.");
      else if (!sup) problems.push(`No active member has the email ${supEmail}. Invite the supervisor first, or leave supervisor_email empty.`);
      else if (sup.role !== "supervisor") problems.push(`${supEmail} is not a supervisor. Use a supervisor's email, or change their role first.`);
      else supervisorMembershipId = sup.membershipId;
    }

    let cohortId: string | null = null;
    let note: string | undefined;
    const cohortName = r.cohort.trim();
    if (cohortName) {
      const c = lookup.cohorts.get(cohortName.toLowerCase());
      if (cohortName.length > COHORT_NAME_MAX) problems.push(`The cohort name is longer than ${COHORT_NAME_MAX} characters. Shorten it.`);
      else if (c?.archived) problems.push(`The cohort “${c.name}” is archived. Use a current cohort, or restore it first.`);
      else if (c) cohortId = c.id;
      else note = `Creates the cohort “${cohortName}”.`;
    }

    let status: RowStatus = problems.length ? "error" : "ready";
    if (email) {
      const seen = firstLine.get(email);
      if (seen !== undefined) {
        problems.push(`Duplicate of line ${seen}: the same email appears twice in this file. Remove one of them.`);
        status = "error";
      } else {
        firstLine.set(email, r.line);
        if (lookup.memberEmails.has(email)) {
          problems.push("Already a member of your organisation. Change their role on the Members page instead.");
          status = "error";
        } else if (status === "ready" && lookup.invitedEmails.has(email)) {
          status = "skip";
          note = "Already invited: nothing to do. Resend from the invitations list if they lost the email.";
        }
      }
    }
    return {
      line: r.line,
      email: email ?? r.email.trim(),
      name: r.name.trim(),
      role,
      roleText: r.role.trim(),
      supervisorEmail: supEmail,
      supervisorMembershipId,
      cohort: cohortName,
      cohortId,
      status,
      problems,
      note,
    };
  });
}

export function summarise(rows: PreviewRow[]): { ready: number; skip: number; error: number } {
  const s = { ready: 0, skip: 0, error: 0 };
  for (const r of rows) s[r.status]++;
  return s;
}
