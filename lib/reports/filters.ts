// Parses report filters from a URL's search params (pages and CSV routes share it).
import type { Role } from "@/db/schema";
import type { ModuleStatus } from "@/lib/onboarding/due";
import { ROLES } from "@/lib/core/permissions";
import { AUDIT_CATEGORIES } from "@/lib/core/audit-actions";
import type { MatrixFilters } from "./completion";
import type { AuditFilters } from "./audit-log";
import type { HoursReportFilters } from "./hours";
import { dayParam, oneOf, param, searchText, type RawSearch } from "@/lib/util/params";
import { isUuid } from "@/lib/util/uuid";

const STATUSES: ModuleStatus[] = ["complete", "in_progress", "overdue", "not_started"];
type SP = RawSearch;
const uuidParam = (sp: SP, key: string) => {
  const v = param(sp, key, 36);
  return isUuid(v) ? v : undefined;
};

export function matrixFilters(sp: SP): MatrixFilters {
  return {
    role: oneOf(sp, "role", ROLES as readonly Role[]),
    status: oneOf(sp, "status", STATUSES),
    cohortId: uuidParam(sp, "cohort"),
    moduleId: uuidParam(sp, "module"),
    q: searchText(sp) || undefined,
  };
}

export function matrixQuery(f: MatrixFilters): Record<string, string> {
  return Object.fromEntries(
    Object.entries({ role: f.role, status: f.status, cohort: f.cohortId, module: f.moduleId, q: f.q }).filter((e): e is [string, string] => Boolean(e[1])),
  );
}

export function auditFilters(sp: SP): AuditFilters {
  const action = param(sp, "action", 60);
  return {
    person: searchText(sp, "person") || undefined,
    action: action && /^[a-z_.]{1,60}$/.test(action) ? action : undefined,
    category: oneOf(sp, "category", AUDIT_CATEGORIES),
    reads: param(sp, "reads", 1) === "1" || undefined,
    from: dayParam(sp, "from"),
    to: dayParam(sp, "to"),
  };
}

export function auditQuery(f: AuditFilters): Record<string, string> {
  const { reads, ...rest } = f;
  return Object.fromEntries([...Object.entries(rest), ["reads", reads ? "1" : undefined]].filter((e): e is [string, string] => Boolean(e[1])));
}

export function hoursReportFilters(sp: SP): HoursReportFilters {
  return { setId: uuidParam(sp, "set"), cohortId: uuidParam(sp, "cohort"), q: searchText(sp) || undefined };
}

export function hoursReportQuery(f: HoursReportFilters): Record<string, string> {
  return Object.fromEntries(Object.entries({ set: f.setId, cohort: f.cohortId, q: f.q }).filter((e): e is [string, string] => Boolean(e[1])));
}
