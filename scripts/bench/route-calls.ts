import type { Ctx } from "@/lib/core/context";
import { countMyCases, getCase } from "@/lib/cases/queries";
import { listReviewQueue, listUrgentReviews } from "@/lib/cases/queue";
import { getEmailVerification } from "@/lib/auth/email-verification";
import { listCaseload, listMyAssignedTrainees } from "@/lib/cases/caseload";
import { listInbox } from "@/lib/notifications/inbox";
import { getContinueLearning, openLesson } from "@/lib/modules/queries";
import { getChecklistWithPractice } from "@/lib/practice/checklist";
import { cohortsOfMembers } from "@/lib/orgs/cohorts";
import { listMembers } from "@/lib/orgs/members";
import { getCompletionMatrix } from "@/lib/reports/completion";
import { listEntries } from "@/lib/hours/ledger";
import { listMyPlacements } from "@/lib/hours/placements";
import { getTraineeProgress } from "@/lib/hours/progress";
import { getHoursReport } from "@/lib/reports/hours";

// The data-layer calls each benchmarked page makes (read from the page files), so the query
// budget test and the EXPLAIN step exercise exactly what a request runs. Every page also runs the
// session check of lib/core/context.ts first: one indexed lookup (user, session and active
// memberships together), cached for the request by React's cache(); and the shell's unread count
// (lib/notifications/inbox.ts unreadCount: one statement on a partial index, at most 100 rows).

export type RouteInputs = {
  trainee: Ctx;
  supervisor: Ctx;
  admin: Ctx;
  caseId: string;
  moduleSlug: string;
  lessonSlug: string;
};

export type RouteCall = { route: string; page: string; run: (i: RouteInputs) => Promise<unknown> };

export const SESSION_QUERIES = 1;

export const ROUTE_CALLS: RouteCall[] = [
  {
    route: "Lesson page",
    page: "app/(app)/modules/[slug]/lessons/[lesson]/page.tsx",
    run: (i) => openLesson(i.trainee, i.moduleSlug, i.lessonSlug),
  },
  {
    route: "Trainee home",
    page: "app/(app)/home/page.tsx",
    // The onboarding checklist panel (with assigned drills), "continue where you left off" and the case-log panel.
    run: (i) => Promise.all([getChecklistWithPractice(i.trainee), getContinueLearning(i.trainee), countMyCases(i.trainee)]),
  },
  {
    route: "Review queue",
    page: "app/(app)/reviews/page.tsx",
    // The queue page, the urgent cases above it, and whether the supervisor's email is verified.
    run: (i) => Promise.all([listReviewQueue(i.supervisor, { after: undefined }), listUrgentReviews(i.supervisor), getEmailVerification(i.supervisor.userId)]),
  },
  {
    route: "Caseload",
    page: "app/(app)/caseload/page.tsx",
    run: async (i) => {
      await listMyAssignedTrainees(i.supervisor);
      return listCaseload(i.supervisor, {}, { after: undefined });
    },
  },
  {
    route: "Inbox",
    page: "app/(app)/inbox/page.tsx",
    run: (i) => listInbox(i.supervisor, { after: undefined }),
  },
  {
    route: "Case review page",
    page: "app/(app)/reviews/[id]/page.tsx",
    run: (i) => getCase(i.supervisor, i.caseId, { via: "review" }),
  },
  {
    route: "Completion matrix",
    page: "app/(app)/admin/reports/page.tsx",
    run: (i) => getCompletionMatrix(i.admin, {}, { after: undefined }),
  },
  {
    route: "Members list",
    page: "app/(app)/admin/members/page.tsx",
    run: async (i) => {
      const { rows } = await listMembers(i.admin, { q: "", role: undefined, status: undefined, cohortId: undefined, after: undefined });
      return cohortsOfMembers(i.admin.orgId, rows.map((r) => r.membershipId));
    },
  },
  {
    route: "Hours ledger and progress",
    page: "app/(app)/hours/page.tsx",
    // The trainee's progress against each active set, the first page of the ledger, their placements.
    run: (i) => Promise.all([getTraineeProgress(i.trainee, i.trainee.membershipId), listEntries(i.trainee, i.trainee.membershipId, {}, { after: undefined }), listMyPlacements(i.trainee)]),
  },
  {
    route: "Cohort hours report",
    page: "app/(app)/admin/hours/page.tsx",
    run: (i) => getHoursReport(i.admin, {}, { after: undefined }),
  },
];
