import { describe, expect, it } from "vitest";
import { accessLevel, CASE_STATUSES, decide, isEditable, nextStatus, submittedVersionOf, type Action, type CaseStatus, type Relation } from "./workflow";

const author: Relation = { author: true, assignedSupervisor: false, orgAdmin: false };
const supervisor: Relation = { author: false, assignedSupervisor: true, orgAdmin: false };
const admin: Relation = { author: false, assignedSupervisor: false, orgAdmin: true };
const adminSupervisor: Relation = { author: false, assignedSupervisor: true, orgAdmin: true };
const stranger: Relation = { author: false, assignedSupervisor: false, orgAdmin: false };
const selfSupervising: Relation = { author: true, assignedSupervisor: true, orgAdmin: false };

describe("case workflow rules", () => {
  it("gives full access to the author and assigned supervisors, metadata to admins, nothing to others", () => {
    expect(accessLevel(author)).toBe("full");
    expect(accessLevel(supervisor)).toBe("full");
    expect(accessLevel(adminSupervisor)).toBe("full");
    expect(accessLevel(admin)).toBe("metadata");
    expect(accessLevel(stranger)).toBe("none");
  });

  it("follows draft -> submitted -> (changes_requested -> submitted)* -> signed_off -> reopened -> submitted", () => {
    expect(nextStatus("submit")).toBe("submitted");
    expect(nextStatus("request_changes")).toBe("changes_requested");
    expect(nextStatus("sign_off")).toBe("signed_off");
    expect(nextStatus("reopen")).toBe("reopened");
    for (const s of ["draft", "changes_requested", "reopened"] as const) expect(decide(author, s, "submit")).toEqual({ ok: true });
    expect(decide(supervisor, "submitted", "sign_off")).toEqual({ ok: true });
    expect(decide(supervisor, "submitted", "request_changes")).toEqual({ ok: true });
    expect(decide(supervisor, "signed_off", "reopen")).toEqual({ ok: true });
    expect(decide(admin, "signed_off", "reopen")).toEqual({ ok: true });
  });

  it("keeps a signed-off case read-only for everyone", () => {
    expect(isEditable("signed_off")).toBe(false);
    for (const r of [author, supervisor, adminSupervisor]) {
      for (const a of ["edit", "submit", "dismiss_flag", "sign_off", "request_changes", "comment"] as Action[]) {
        expect(decide(r, "signed_off", a).ok, `${JSON.stringify(r)} ${a}`).toBe(false);
      }
    }
  });

  it("refuses a stranger everything as not-found, and a role without the right as not-allowed", () => {
    for (const s of CASE_STATUSES) {
      for (const a of ["edit", "submit", "dismiss_flag", "sign_off", "request_changes", "comment", "reopen"] as Action[]) {
        expect(decide(stranger, s, a)).toEqual({ ok: false, reason: "not_found" });
      }
    }
    expect(decide(admin, "submitted", "sign_off")).toEqual({ ok: false, reason: "not_allowed" });
    expect(decide(admin, "draft", "edit")).toEqual({ ok: false, reason: "not_allowed" });
    expect(decide(supervisor, "draft", "edit")).toEqual({ ok: false, reason: "not_allowed" });
    expect(decide(author, "submitted", "sign_off")).toEqual({ ok: false, reason: "not_allowed" });
  });

  it("never lets anyone review their own case", () => {
    expect(decide(selfSupervising, "submitted", "sign_off")).toEqual({ ok: false, reason: "not_allowed" });
    expect(decide(selfSupervising, "signed_off", "reopen")).toEqual({ ok: false, reason: "not_allowed" });
  });

  it("reports a case that moved on as the wrong status", () => {
    expect(decide(author, "signed_off", "edit")).toEqual({ ok: false, reason: "wrong_status" });
    expect(decide(author, "submitted", "edit")).toEqual({ ok: false, reason: "wrong_status" });
    expect(decide(supervisor, "signed_off", "sign_off")).toEqual({ ok: false, reason: "wrong_status" });
    expect(decide(supervisor, "changes_requested", "comment")).toEqual({ ok: false, reason: "wrong_status" });
    expect(decide(supervisor, "draft", "sign_off")).toEqual({ ok: false, reason: "wrong_status" });
    expect(decide(admin, "submitted", "reopen")).toEqual({ ok: false, reason: "wrong_status" });
  });
});

describe("submitted versions in the history", () => {
  it("numbers versions by submission, not by the row's internal version", () => {
    const history = [{ to: "draft" }, { to: "submitted" }, { to: "changes_requested" }, { to: "submitted" }, { to: "signed_off" }, { to: "reopened" }] as const;
    expect(submittedVersionOf(history.map((h) => ({ to: h.to as CaseStatus })))).toEqual([null, 1, 1, 2, 2, 2]);
  });
});
