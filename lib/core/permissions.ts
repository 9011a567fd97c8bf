import type { Role } from "@/db/schema";

// What each role may do inside its own organisation. Cross-organisation access is never
// granted here: the data layer scopes every query by the caller's organisation first.
export const PERMISSIONS = {
  "modules.study": ["trainee", "supervisor", "org_admin"],
  "reflections.write": ["trainee", "supervisor"],
  "cases.log": ["trainee", "supervisor"],
  "cases.review": ["supervisor"],
  "trainees.progress.view": ["supervisor", "org_admin"],
  "org.manage": ["org_admin"],
  "org.reports": ["org_admin"],
  "org.audit": ["org_admin"],
  // Practicum hours: trainees log their own; supervisors approve the placements they are
  // responsible for and record supervision sessions; admins see everything through org.reports.
  "hours.log": ["trainee"],
  "hours.supervise": ["supervisor"],
  "hours.view": ["trainee", "supervisor", "org_admin"],
  // Competency evaluations: everyone has a page; trainees and supervisors fill in their side;
  // supervisors and admins open rounds; admins build forms and read the organisation's reports.
  "evaluations.view": ["trainee", "supervisor", "org_admin"],
  "evaluations.respond": ["trainee", "supervisor"],
  "evaluations.open": ["supervisor", "org_admin"],
  "evaluations.forms": ["org_admin"],
  "evaluations.reports": ["org_admin"],
  // Supervisor calibration (formative): admins open rounds and read every result; supervisors take
  // part when invited and see results once they have submitted. Never trainees.
  "calibration.view": ["supervisor", "org_admin"],
  "calibration.manage": ["org_admin"],
  // The practice studio: everyone may read the drills; trainees and supervisors practise (their
  // own responses); supervisors rate the responses of trainees assigned to them; supervisors and
  // admins assign drills; admins write the organisation's own drills and see counts, not responses.
  "practice.view": ["trainee", "supervisor", "org_admin"],
  "practice.use": ["trainee", "supervisor"],
  "practice.supervise": ["supervisor"],
  "practice.assign": ["supervisor", "org_admin"],
  "practice.author": ["org_admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role | null | undefined, permission: Permission): boolean {
  if (!role) return false;
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export const ROLE_LABELS: Record<Role, string> = {
  trainee: "Trainee",
  supervisor: "Supervisor",
  org_admin: "Organisation admin",
};

export const ROLES: readonly Role[] = ["trainee", "supervisor", "org_admin"];

export type NavItem = { href: string; label: string; permission: Permission; group?: "Administration" };

const NAV: NavItem[] = [
  // Supervision first for the people who supervise.
  { href: "/reviews", label: "Review queue", permission: "cases.review" },
  { href: "/caseload", label: "Caseload", permission: "cases.review" },
  { href: "/trainees", label: "Trainees", permission: "trainees.progress.view" },
  { href: "/modules", label: "Modules", permission: "modules.study" },
  { href: "/certificates", label: "Certificates", permission: "modules.study" },
  { href: "/cases", label: "My cases", permission: "cases.log" },
  { href: "/cases", label: "Case log", permission: "org.reports" },
  { href: "/practice", label: "Practice", permission: "practice.use" },
  { href: "/hours", label: "Hours", permission: "hours.log" },
  { href: "/hours", label: "Hours", permission: "hours.supervise" },
  { href: "/evaluations", label: "Evaluations", permission: "evaluations.view" },
  { href: "/calibration", label: "Calibration", permission: "calibration.view" },
  { href: "/onboarding", label: "Getting started", permission: "modules.study" },
  // One navigation for admins: these were also a row of tabs with other names ("Reports" here,
  // "Completion" there); the tabs are gone and the sidebar groups them.
  { href: "/admin/members", label: "Members", permission: "org.manage", group: "Administration" },
  { href: "/admin/invitations", label: "Invitations", permission: "org.manage", group: "Administration" },
  { href: "/admin/cohorts", label: "Cohorts", permission: "org.manage", group: "Administration" },
  { href: "/admin/requirements", label: "Required modules", permission: "org.manage", group: "Administration" },
  { href: "/admin/organisation", label: "Organisation settings", permission: "org.manage", group: "Administration" },
  { href: "/admin/settings/assessment", label: "Check rules", permission: "org.manage", group: "Administration" },
  { href: "/practice/manage", label: "Practice drills", permission: "practice.author", group: "Administration" },
  { href: "/admin/reports", label: "Completion", permission: "org.reports", group: "Administration" },
  { href: "/admin/reports/supervision", label: "Supervision activity", permission: "org.reports", group: "Administration" },
  { href: "/admin/hours", label: "Hours reports", permission: "org.reports", group: "Administration" },
  { href: "/admin/security", label: "Sign-in security", permission: "org.manage", group: "Administration" },
  { href: "/admin/audit", label: "Audit log", permission: "org.audit", group: "Administration" },
  { href: "/admin/outbox", label: "Outbox", permission: "org.manage", group: "Administration" },
];

export function navFor(role: Role, available: ReadonlySet<string>): NavItem[] {
  // "My cases" is for the people whose work is writing cases: trainees. A supervisor can still
  // log one from /cases, but their navigation is about supervision.
  return NAV.filter((n) => can(role, n.permission) && available.has(n.href) && !(role === "supervisor" && n.label === "My cases"));
}
