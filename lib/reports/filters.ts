// Parses report filters from a URL's search params (pages and CSV routes share it).
import type { Role } from "@/db/schema";
import type { ModuleStatus } from "@/lib/onboarding/due";
import { ROLES } from "@/lib/permissions";
import type { MatrixFilters } from "./completion";
import type { AuditFilters } from "./audit-log";

const UUID = /^[0-9a-f-]{36}$/i;
const STATUSES: ModuleStatus[] = ["complete", "in_progress", "overdue", "not_started"];
type SP = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export function matrixFilters(sp: SP): MatrixFilters {
  const role = one(sp.role);
  const status = one(sp.status);
  const cohort = one(sp.cohort);
  const mod = one(sp.module);
  return {
    role: ROLES.includes(role as Role) ? (role as Role) : undefined,
    status: STATUSES.includes(status as ModuleStatus) ? (status as ModuleStatus) : undefined,
    cohortId: UUID.test(cohort) ? cohort : undefined,
    moduleId: UUID.test(mod) ? mod : undefined,
    q: one(sp.q).slice(0, 100) || undefined,
  };
}

export function matrixQuery(f: MatrixFilters): Record<string, string> {
  return Object.fromEntries(
    Object.entries({ role: f.role, status: f.status, cohort: f.cohortId, module: f.moduleId, q: f.q }).filter((e): e is [string, string] => Boolean(e[1])),
  );
}

export function auditFilters(sp: SP): AuditFilters {
  const day = (s: string) => (/^\d{4}-\d{2}-\d{2}$/.test(s) ? s : undefined);
  return {
    person: one(sp.person).slice(0, 100) || undefined,
    action: /^[a-z_.]{1,60}$/.test(one(sp.action)) ? one(sp.action) : undefined,
    from: day(one(sp.from)),
    to: day(one(sp.to)),
  };
}

export function auditQuery(f: AuditFilters): Record<string, string> {
  return Object.fromEntries(Object.entries(f).filter((e): e is [string, string] => Boolean(e[1])));
}
