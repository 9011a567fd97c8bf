import { describe, expect, it } from "vitest";
import type { InviteRowInput } from "./csv";
import { parseRole, summarise, validateInviteRows, type OrgLookup } from "./invite-rows";

const lookup = (): OrgLookup => ({
  memberEmails: new Set(["member@example.org", "sup@example.org", "trainee@example.org"]),
  invitedEmails: new Set(["pending@example.org"]),
  activeMembers: new Map([
    ["sup@example.org", { membershipId: "m-sup", role: "supervisor" as const }],
    ["trainee@example.org", { membershipId: "m-tr", role: "trainee" as const }],
  ]),
  cohorts: new Map([
    ["2027 intake", { id: "c-1", name: "2027 Intake", archived: false }],
    ["2020 intake", { id: "c-0", name: "2020 Intake", archived: true }],
  ]),
});

let line = 1;
const row = (over: Partial<InviteRowInput>): InviteRowInput => ({ line: ++line, email: "new@example.org", name: "New", role: "trainee", supervisorEmail: "", cohort: "", ...over });

describe("validateInviteRows", () => {
  it("accepts a good row and resolves supervisor and cohort", () => {
    const [r] = validateInviteRows([row({ email: " New@Example.org ", supervisorEmail: "SUP@example.org", cohort: "2027 INTAKE" })], lookup());
    expect(r).toMatchObject({ status: "ready", email: "new@example.org", role: "trainee", supervisorMembershipId: "m-sup", cohortId: "c-1", problems: [] });
  });

  it("flags a bad email, an empty email and an unknown role", () => {
    const rows = validateInviteRows([row({ email: "not-an-email" }), row({ email: "" }), row({ email: "x@example.org", role: "boss" })], lookup());
    expect(rows.map((r) => r.status)).toEqual(["error", "error", "error"]);
    expect(rows[0].problems[0]).toMatch(/isn't an email address/);
    expect(rows[1].problems[0]).toMatch(/email is empty/);
    expect(rows[2].problems[0]).toMatch(/Unknown role “boss”/);
  });

  it("flags later duplicates within the file, whatever the letter case, and keeps the first", () => {
    const a = row({ email: "dup@example.org" });
    const b = row({ email: "DUP@example.org" });
    const [first, second] = validateInviteRows([a, b], lookup());
    expect(first.status).toBe("ready");
    expect(second.status).toBe("error");
    expect(second.problems).toContain(`Duplicate of line ${a.line}: the same email appears twice in this file. Remove one of them.`);
  });

  it("flags people already in the organisation and skips people already invited", () => {
    const [member, pending] = validateInviteRows([row({ email: "Member@example.org" }), row({ email: "pending@example.org" })], lookup());
    expect(member.status).toBe("error");
    expect(member.problems[0]).toMatch(/Already a member/);
    expect(pending.status).toBe("skip");
    expect(pending.note).toMatch(/Already invited/);
  });

  it("flags a supervisor who is not found or not a supervisor, or a supervisor for a non-trainee", () => {
    const rows = validateInviteRows(
      [row({ supervisorEmail: "ghost@example.org" }), row({ email: "b@example.org", supervisorEmail: "trainee@example.org" }), row({ email: "c@example.org", role: "supervisor", supervisorEmail: "sup@example.org" })],
      lookup(),
    );
    expect(rows[0].problems[0]).toMatch(/No active member has the email ghost@example.org/);
    expect(rows[1].problems[0]).toMatch(/is not a supervisor/);
    expect(rows[2].problems[0]).toMatch(/Only trainees have a supervisor/);
  });

  it("notes a new cohort and refuses an archived one", () => {
    const [fresh, archived] = validateInviteRows([row({ cohort: "2028 intake" }), row({ email: "d@example.org", cohort: "2020 intake" })], lookup());
    expect(fresh).toMatchObject({ status: "ready", cohortId: null, note: "Creates the cohort “2028 intake”." });
    expect(archived.status).toBe("error");
  });

  it("carries a shape error from the CSV reader", () => {
    const [r] = validateInviteRows([row({ shapeError: "This row has 2 columns; the header has 5." })], lookup());
    expect(r.status).toBe("error");
  });

  it("summarises", () => {
    const rows = validateInviteRows([row({ email: "e@example.org" }), row({ email: "pending@example.org" }), row({ email: "bad" })], lookup());
    expect(summarise(rows)).toEqual({ ready: 1, skip: 1, error: 1 });
  });
});

describe("parseRole", () => {
  it("accepts codes and labels in any case", () => {
    expect(parseRole("Trainee")).toBe("trainee");
    expect(parseRole(" SUPERVISOR ")).toBe("supervisor");
    expect(parseRole("org_admin")).toBe("org_admin");
    expect(parseRole("Organisation admin")).toBe("org_admin");
    expect(parseRole("org-admin")).toBe("org_admin");
    expect(parseRole("manager")).toBeNull();
  });
});
