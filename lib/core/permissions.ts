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

export type NavItem = { href: string; label: string; permission: Permission };

const NAV: NavItem[] = [
  // Supervision first for the people who supervise.
  { href: "/reviews", label: "Review queue", permission: "cases.review" },
  { href: "/caseload", label: "Caseload", permission: "cases.review" },
  { href: "/trainees", label: "Trainees", permission: "trainees.progress.view" },
  { href: "/modules", label: "Modules", permission: "modules.study" },
  { href: "/certificates", label: "Certificates", permission: "modules.study" },
  { href: "/cases", label: "My cases", permission: "cases.log" },
  { href: "/cases", label: "Case log", permission: "org.reports" },
  { href: "/onboarding", label: "Getting started", permission: "modules.study" },
  { href: "/admin/members", label: "Members", permission: "org.manage" },
  { href: "/admin/invitations", label: "Invitations", permission: "org.manage" },
  { href: "/admin/reports", label: "Reports", permission: "org.reports" },
  { href: "/admin/audit", label: "Audit log", permission: "org.audit" },
];

export function navFor(role: Role, available: ReadonlySet<string>): NavItem[] {
  // "My cases" is for the people whose work is writing cases: trainees. A supervisor can still
  // log one from /cases, but their navigation is about supervision.
  return NAV.filter((n) => can(role, n.permission) && available.has(n.href) && !(role === "supervisor" && n.label === "My cases"));
}
