import { describe, expect, it } from "vitest";
import { can, navFor, PERMISSIONS, ROLES } from "@/lib/core/permissions";

describe("permissions", () => {
  it("gives org management to admins only", () => {
    expect(can("org_admin", "org.manage")).toBe(true);
    expect(can("supervisor", "org.manage")).toBe(false);
    expect(can("trainee", "org.manage")).toBe(false);
  });

  it("gives case review to supervisors only, never to admins by role alone", () => {
    expect(can("supervisor", "cases.review")).toBe(true);
    expect(can("org_admin", "cases.review")).toBe(false);
    expect(can("trainee", "cases.review")).toBe(false);
  });

  it("denies a missing role everything", () => {
    for (const p of Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]) {
      expect(can(undefined, p)).toBe(false);
      expect(can(null, p)).toBe(false);
    }
  });

  it("builds navigation from permissions and what exists", () => {
    const all = new Set(["/modules", "/cases", "/reviews", "/caseload", "/admin/members", "/trainees", "/admin/audit"]);
    expect(navFor("trainee", all).map((n) => n.href)).toEqual(["/modules", "/cases"]);
    // Supervision first for supervisors, and no "My cases": their work is reviewing.
    expect(navFor("supervisor", all).map((n) => n.href)).toEqual(["/reviews", "/caseload", "/trainees", "/modules"]);
    expect(navFor("org_admin", all).map((n) => n.href)).toEqual(["/trainees", "/modules", "/cases", "/admin/members", "/admin/audit"]);
    expect(navFor("org_admin", all).find((n) => n.href === "/cases")?.label).toBe("Case log");
    expect(navFor("org_admin", new Set(["/admin/members"])).map((n) => n.href)).toEqual(["/admin/members"]);
    expect(ROLES).toHaveLength(3);
  });

  it("offers Evaluations to every role, and the evaluation work by role", () => {
    for (const role of ROLES) expect(navFor(role, new Set(["/evaluations"])).map((n) => n.label)).toEqual(["Evaluations"]);
    expect(ROLES.filter((r) => can(r, "evaluations.respond"))).toEqual(["trainee", "supervisor"]);
    expect(ROLES.filter((r) => can(r, "evaluations.open"))).toEqual(["supervisor", "org_admin"]);
    expect(ROLES.filter((r) => can(r, "evaluations.forms"))).toEqual(["org_admin"]);
    expect(ROLES.filter((r) => can(r, "evaluations.reports"))).toEqual(["org_admin"]);
  });

  it("offers Hours to trainees and supervisors, and the hours reports to admins", () => {
    const all = new Set(["/hours", "/admin/hours"]);
    expect(navFor("trainee", all).map((n) => [n.href, n.label])).toEqual([["/hours", "Hours"]]);
    expect(navFor("supervisor", all).map((n) => [n.href, n.label])).toEqual([["/hours", "Hours"]]);
    expect(navFor("org_admin", all).map((n) => [n.href, n.label])).toEqual([["/admin/hours", "Hours reports"]]);
    expect(can("trainee", "hours.log")).toBe(true);
    expect(can("supervisor", "hours.log")).toBe(false);
    expect(can("org_admin", "hours.supervise")).toBe(false);
  });

  it("offers Calibration to supervisors and admins, never to trainees, and its management to admins", () => {
    const all = new Set(["/calibration"]);
    expect(navFor("trainee", all)).toEqual([]);
    expect(navFor("supervisor", all).map((n) => n.label)).toEqual(["Calibration"]);
    expect(navFor("org_admin", all).map((n) => n.label)).toEqual(["Calibration"]);
    expect(ROLES.filter((r) => can(r, "calibration.view"))).toEqual(["supervisor", "org_admin"]);
    expect(ROLES.filter((r) => can(r, "calibration.manage"))).toEqual(["org_admin"]);
  });
});
