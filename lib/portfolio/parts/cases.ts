import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { caseComments, caseReviews, cases, caseVersions, memberships, users } from "@/db/schema";
import { buildCasePdf } from "@/lib/cases/pdf";
import { labelOf } from "@/lib/cases/codes";
import { readReview } from "@/lib/cases/conditions";
import type { StoredCaseContent } from "@/lib/cases/schemas";
import { safeFilePart } from "@/lib/certificates/documents";
import { settingsOf } from "@/lib/orgs/settings";
import { toCsv } from "@/lib/reports/csv-write";
import type { PortfolioFile, PortfolioPart } from "../types";

// The person's own rupture cases. For themself: every case with its narrative, each review
// decision with the supervisor's ratings, the feedback comments, and a PDF of each signed-off
// case. For an admin: the case log's metadata only (status, dates, counts), as an admin sees it in
// Rapport. Four queries whatever the number of cases.

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : "");
const ref = (id: string) => id.slice(0, 8);

export const casesPart: PortfolioPart = {
  id: "cases",
  title: "Case log",
  describe: (viewer) =>
    viewer === "self"
      ? "cases/: cases.csv (every case you logged, with its narrative), case-reviews.csv and case-review-ratings.csv (each supervisor decision and rating), case-comments.csv (feedback comments and replies), and a PDF of each signed-off case."
      : "cases/: cases.csv with the case log's metadata only (status, dates, number of submissions and reviews). Client codes, case narratives and reviews are not included: an organisation admin doesn't read them.",
  async files(subject, viewer) {
    const db = await getDb();
    const mine = await db
      .select()
      .from(cases)
      .where(and(eq(cases.organisationId, subject.orgId), eq(cases.authorMembershipId, subject.membershipId)))
      .orderBy(asc(cases.createdAt), asc(cases.id));
    const ids = mine.map((c) => c.id);
    const [reviews, comments] = ids.length
      ? await Promise.all([
          db
            .select({ r: caseReviews, submission: caseVersions.number, reviewer: users.name })
            .from(caseReviews)
            .innerJoin(caseVersions, and(eq(caseVersions.id, caseReviews.caseVersionId), eq(caseVersions.organisationId, caseReviews.organisationId)))
            .leftJoin(memberships, and(eq(memberships.id, caseReviews.reviewerMembershipId), eq(memberships.organisationId, caseReviews.organisationId)))
            .leftJoin(users, eq(users.id, memberships.userId))
            .where(and(eq(caseReviews.organisationId, subject.orgId), inArray(caseReviews.caseId, ids)))
            .orderBy(asc(caseReviews.createdAt)),
          db
            .select({ m: caseComments, submission: caseVersions.number, author: users.name })
            .from(caseComments)
            .innerJoin(caseVersions, and(eq(caseVersions.id, caseComments.caseVersionId), eq(caseVersions.organisationId, caseComments.organisationId)))
            .leftJoin(memberships, and(eq(memberships.id, caseComments.authorMembershipId), eq(memberships.organisationId, caseComments.organisationId)))
            .leftJoin(users, eq(users.id, memberships.userId))
            .where(and(eq(caseComments.organisationId, subject.orgId), inArray(caseComments.caseId, ids)))
            .orderBy(asc(caseComments.createdAt)),
        ])
      : [[], []];
    const reviewCount = new Map<string, number>();
    for (const r of reviews) reviewCount.set(r.r.caseId, (reviewCount.get(r.r.caseId) ?? 0) + 1);

    if (viewer === "admin") {
      return [
        {
          path: "cases/cases.csv",
          data: toCsv(
            // No client code: an admin sees a case's metadata only (docs/SECURITY.md, field-level rules).
            ["case_ref", "status", "created_at", "submitted_at", "signed_off_at", "submissions", "reviews"],
            mine.filter((c) => c.status !== "draft").map((c) => [ref(c.id), c.status, iso(c.createdAt), iso(c.submittedAt), iso(c.signedOffAt), c.submissionCount, reviewCount.get(c.id) ?? 0]),
          ),
        },
      ];
    }

    const code = new Map(mine.map((c) => [c.id, c.clientCode ?? ""]));
    const files: PortfolioFile[] = [
      {
        path: "cases/cases.csv",
        data: toCsv(
          [
            "case_ref", "client_code", "status", "session_number", "session_year", "approach", "rupture_type", "markers", "salience", "whose_movement",
            "what_happened", "own_contribution", "strategies", "outcome", "next_time", "risk", "created_at", "submitted_at", "signed_off_at", "submissions", "code_lists",
          ],
          mine.map((c) => {
            const x = c.content as StoredCaseContent;
            const v = c.codeListVersion;
            return [
              ref(c.id), c.clientCode ?? "", c.status, x.sessionNumber ?? "", x.periodYear ?? "", x.approach ? labelOf("approach", x.approach, v) : "",
              x.ruptureType ? labelOf("ruptureType", x.ruptureType, v) : "", (x.markers ?? []).map((m) => labelOf("marker", m, v)).join("; "), x.salience ?? "",
              x.whoseMovement ? labelOf("movement", x.whoseMovement, v) : "", x.whatHappened ?? "", x.ownContribution ?? "",
              (x.strategies ?? []).map((s) => labelOf("strategy", s, v)).join("; "), x.outcome ? labelOf("outcome", x.outcome, v) : "", x.nextTime ?? "",
              (x.risk as { level?: string } | undefined)?.level ?? "", iso(c.createdAt), iso(c.submittedAt), iso(c.signedOffAt), c.submissionCount, v,
            ];
          }),
        ),
      },
      {
        path: "cases/case-reviews.csv",
        data: toCsv(
          ["case_ref", "client_code", "submission", "reviewer", "decision", "decided_at", "what_to_change"],
          reviews.map(({ r, submission, reviewer }) => [ref(r.caseId), code.get(r.caseId) ?? "", submission, reviewer ?? "Former member", r.decision, iso(r.createdAt), r.whatToChange ?? ""]),
        ),
      },
      {
        path: "cases/case-review-ratings.csv",
        data: toCsv(
          ["case_ref", "client_code", "submission", "reviewer", "condition", "rating", "evidence_or_note"],
          reviews.flatMap(({ r, submission, reviewer }) =>
            Object.entries(readReview(r.ratings).entries).map(([condition, e]) => [
              ref(r.caseId), code.get(r.caseId) ?? "", submission, reviewer ?? "Former member", labelOf("condition", condition), e?.rating ? labelOf("rating", e.rating) : "", e?.note ?? e?.evidence ?? "",
            ]),
          ),
        ),
      },
      {
        path: "cases/case-comments.csv",
        data: toCsv(
          ["case_ref", "client_code", "submission", "author", "focus", "reply", "written_at", "comment"],
          comments.map(({ m, submission, author }) => [ref(m.caseId), code.get(m.caseId) ?? "", submission, author ?? "Former member", labelOf("focus", m.focus), m.parentId ? "yes" : "no", iso(m.createdAt), m.body]),
        ),
      },
    ];
    const signedOff = mine.filter((c) => c.status === "signed_off" && c.signedOffAt);
    if (signedOff.length > 0) {
      const orgName = (await settingsOf(subject.orgId))?.name ?? "";
      for (const c of signedOff) {
        const final = reviews.filter((r) => r.r.caseId === c.id && r.r.decision === "signed_off").at(-1);
        const bytes = await buildCasePdf({
          orgName,
          authorName: subject.name,
          clientCode: c.clientCode,
          codeListVersion: c.codeListVersion,
          content: c.content as StoredCaseContent,
          signedOffByName: final?.reviewer ?? "",
          signedOffAt: c.signedOffAt!,
          signedOffVersion: c.signedOffVersion ?? c.submissionCount,
          ratings: final?.r.ratings ?? null,
        });
        files.push({ path: `cases/signed-off/${safeFilePart(c.clientCode ?? "case")}-${ref(c.id)}.pdf`, data: bytes });
      }
    }
    return files;
  },
};
