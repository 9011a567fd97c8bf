import type postgres from "postgres";
import { LARGE_ORG, LARGE_PASSWORD, LARGE_SIGN_INS } from "@/scripts/seed/large/constants";
import { scaledOrg } from "@/scripts/seed/large/scale";
import { signIn } from "./auth";
import { FIRST_LESSON_SQL, MEMBER_SQL, REVIEW_CASE_SQL } from "./inputs-sql";

// The benchmarked routes, for the data set of one scale: the same pages requested by the same
// kind of person (the busy supervisor, the mid-curriculum trainee with the long hours ledger,
// the coordinator), signed in to that scale's organisation.

export type BenchRoute = {
  /** The row name at scale 1 (kept as in earlier reports); at scale N the short name and the scale. */
  name: string;
  short: string;
  scale: number;
  path: string;
  cookie: string | undefined;
  expect: string;
  target: number | null;
};

export type ScaleInputs = { scale: number; org: { slug: string }; cookies: { trainee: string; supervisor: string; admin: string }; reviewCaseId: string; lessonPath: string };

export function orgOfScale(scale: number): { slug: string; signIns: typeof LARGE_SIGN_INS | ReturnType<typeof scaledOrg>["signIns"] } {
  return scale === 1 ? { slug: LARGE_ORG.slug, signIns: LARGE_SIGN_INS } : { slug: scaledOrg(scale).slug, signIns: scaledOrg(scale).signIns };
}

/** Signs in the scale's three people and finds the case to review. */
export async function scaleInputs(base: string, sql: postgres.Sql, scale: number): Promise<ScaleInputs> {
  const org = orgOfScale(scale);
  const [sup] = await sql.unsafe(MEMBER_SQL, [org.slug, org.signIns.busySupervisor]);
  if (!sup) throw new Error(`No ${org.signIns.busySupervisor} in ${org.slug}: was scale ${scale} seeded?`);
  const [reviewCase] = await sql.unsafe(REVIEW_CASE_SQL, [sup.orgId, sup.membershipId]);
  if (!reviewCase) throw new Error(`No waiting case with history found for the busy supervisor at scale ${scale}.`);
  const [lesson] = await sql.unsafe(FIRST_LESSON_SQL);
  return {
    scale,
    org,
    cookies: {
      trainee: await signIn(base, org.signIns.trainee, LARGE_PASSWORD),
      supervisor: await signIn(base, org.signIns.busySupervisor, LARGE_PASSWORD),
      admin: await signIn(base, org.signIns.admin, LARGE_PASSWORD),
    },
    reviewCaseId: String(reviewCase.id),
    lessonPath: `/modules/${lesson.moduleSlug}/lessons/${lesson.lessonSlug}`,
  };
}

export function routesFor(i: ScaleInputs): BenchRoute[] {
  const c = i.cookies;
  const list: (Omit<BenchRoute, "name" | "scale"> & { long: string })[] = [
    { long: "Sign-in page", short: "Sign-in page", path: "/login", cookie: undefined, expect: "Sign in to Rapport", target: null },
    { long: "Lesson page", short: "Lesson page", path: i.lessonPath, cookie: c.trainee, expect: "min read", target: 150 },
    { long: "Trainee home", short: "Trainee home", path: "/home", cookie: c.trainee, expect: "Continue where you left off", target: 150 },
    { long: "Review queue (400 waiting)", short: "Review queue", path: "/reviews", cookie: c.supervisor, expect: "Next page", target: 150 },
    { long: "Case review page", short: "Case review page", path: `/reviews/${i.reviewCaseId}`, cookie: c.supervisor, expect: "Six-condition checklist", target: null },
    { long: "Caseload (20k-case data set)", short: "Caseload", path: "/caseload", cookie: c.supervisor, expect: "Next page", target: 150 },
    { long: "Inbox", short: "Inbox", path: "/inbox", cookie: c.supervisor, expect: "Inbox", target: 150 },
    { long: "Completion matrix (1,050 members × 6 modules)", short: "Completion matrix", path: "/admin/reports", cookie: c.admin, expect: "matrix-row", target: 400 },
    { long: "Members list", short: "Members list", path: "/admin/members", cookie: c.admin, expect: "Next page", target: 400 },
    { long: "Hours ledger and progress (trainee with 2,000 entries)", short: "Hours ledger", path: "/hours", cookie: c.trainee, expect: "ledger-row", target: 150 },
    { long: "Cohort hours report (1,000 trainees)", short: "Cohort hours report", path: "/admin/hours", cookie: c.admin, expect: "hours-report-row", target: 400 },
    // At ×10 the organisation's log holds about five million events over eight years (docs/SCALE.md, "Audit log").
    { long: "Audit log viewer (default: changes, routine reads left out)", short: "Audit log viewer", path: "/admin/audit", cookie: c.admin, expect: "audit-row", target: null },
  ];
  return list.map(({ long, ...r }) => ({ ...r, scale: i.scale, name: i.scale === 1 ? long : `${r.short} (×${i.scale} data set)` }));
}
