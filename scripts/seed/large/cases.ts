import { CODE_LIST_VERSION, FEEDBACK_FOCUS_CODES } from "@/lib/cases/codes";
import type { CaseStatus } from "@/lib/cases/workflow";
import type { caseComments, caseReviews, cases, caseTransitions, caseVersions } from "@/db/schema";
import { completeContent, draftContent, earlierContent, reviewRatings, type Content } from "@/scripts/seed/large/content";
import type { Trainee } from "@/scripts/seed/large/people";
import { DAY, HOUR, type Rng } from "@/scripts/seed/large/prng";
import { COMMENTS, REOPEN_REASONS, WHAT_TO_CHANGE } from "@/scripts/seed/large/text";

// Rupture cases with their whole history, replayed the way lib/cases writes it: every save bumps
// the case version; each submission adds a case_versions row; each decision a review and a
// transition; comments attach to the version under review.

export type CaseRows = {
  cases: (typeof cases.$inferInsert)[];
  versions: (typeof caseVersions.$inferInsert)[];
  transitions: (typeof caseTransitions.$inferInsert)[];
  reviews: (typeof caseReviews.$inferInsert)[];
  comments: (typeof caseComments.$inferInsert)[];
};

export const emptyCaseRows = (): CaseRows => ({ cases: [], versions: [], transitions: [], reviews: [], comments: [] });

/** 20 cases per trainee in this mix: 4 waiting for review, so a supervisor of 100 trainees has 400. */
export const STATUS_MIX: readonly CaseStatus[] = [
  ...Array<CaseStatus>(4).fill("submitted"),
  ...Array<CaseStatus>(3).fill("draft"),
  ...Array<CaseStatus>(2).fill("changes_requested"),
  ...Array<CaseStatus>(9).fill("signed_off"),
  ...Array<CaseStatus>(2).fill("reopened"),
];

export function statusesFor(rng: Rng, count: number): CaseStatus[] {
  if (count === STATUS_MIX.length) return rng.shuffle([...STATUS_MIX]);
  return Array.from({ length: count }, () => rng.pick(STATUS_MIX));
}

type Ev = { at: number };

/** Adds one case of `status` by `t` (reviewed by t's supervisor) to `out`; returns its id. */
export function buildCase(rng: Rng, out: CaseRows, orgId: string, t: Trainee, status: CaseStatus, anchor: number, opts: { submissions?: number; comments?: number } = {}): string {
  const id = rng.uuid();
  const sup = t.supervisor.membershipId;
  const draft = status === "draft";
  const n = draft ? 0 : (opts.submissions ?? rng.weighted([[1, 65], [2, 27], [3, 8]] as const));
  // Times are offsets from the first event; shifted afterwards so the case fits the trainee's tenure.
  let clock = 0;
  const step = (minH: number, maxH: number): Ev => ({ at: (clock += rng.int(minH, maxH) * HOUR) });
  let version = 0;
  const created: Ev = { at: 0 };
  const transitions: { from: CaseStatus | null; to: CaseStatus; v: number; by: string; ev: Ev; reason?: string }[] = [
    { from: null, to: "draft", v: 0, by: t.membershipId, ev: created },
  ];
  version += rng.int(0, 3); // draft saves
  step(1, 72);
  const versions: { id: string; number: number; v: number; ev: Ev; content?: Content }[] = [];
  const reviews: { versionId: string; v: number; decision: "changes_requested" | "signed_off"; ev: Ev }[] = [];
  const comments: { versionId: string; ev: Ev }[] = [];
  let lastSubmit: Ev | null = null;
  let signedOff: { ev: Ev; number: number } | null = null;
  for (let j = 1; j <= n; j++) {
    const ev = step(2, 96);
    version += 1;
    const vid = rng.uuid();
    versions.push({ id: vid, number: j, v: version, ev });
    transitions.push({ from: j === 1 ? "draft" : "changes_requested", to: "submitted", v: version, by: t.membershipId, ev });
    lastSubmit = ev;
    const pending = j === n && status === "submitted";
    // opts.comments: exactly that many on the latest submission and none before (for fixtures).
    const commentCount = opts.comments !== undefined ? (j === n ? opts.comments : 0) : pending ? rng.int(0, 2) : rng.int(0, 3);
    for (let k = 0; k < commentCount; k++) comments.push({ versionId: vid, ev: step(1, 24) });
    if (pending) break;
    const decision = j < n || status === "changes_requested" ? "changes_requested" : "signed_off";
    const dev = step(1, 72);
    version += 1;
    reviews.push({ versionId: vid, v: version, decision, ev: dev });
    transitions.push({ from: "submitted", to: decision, v: version, by: sup, ev: dev });
    if (decision === "signed_off") signedOff = { ev: dev, number: j };
    if (decision === "changes_requested" && j < n) {
      version += rng.int(1, 2);
      step(2, 96);
    }
  }
  if (status === "reopened") {
    const ev = step(24, 240);
    version += 1;
    transitions.push({ from: "signed_off", to: "reopened", v: version, by: sup, ev, reason: rng.pick(REOPEN_REASONS) });
    signedOff = null;
  }
  // Waiting cases were submitted in the last three weeks; everything else falls within the
  // trainee's time here (a history longer than that is compressed to fit).
  const earliest = t.joinedAt.getTime() + DAY;
  const room = Math.max(HOUR, anchor - earliest - HOUR);
  const k = clock > room * 0.8 ? (room * 0.8) / clock : 1;
  const span = clock * k;
  const end = status === "submitted" ? anchor - rng.int(1, 21 * 24) * HOUR : anchor - rng.int(0, Math.max(0, Math.floor((anchor - earliest - span) / HOUR))) * HOUR;
  const base = Math.max(earliest, end - span);
  const at = (ev: Ev) => new Date(Math.round(base + ev.at * k));

  const sessionAt = new Date(base - rng.int(1, 10) * DAY);
  const content = draft ? draftContent(rng, sessionAt) : completeContent(rng, sessionAt);
  for (const v of versions) v.content = v.number === n ? content : earlierContent(content, rng);

  out.cases.push({
    id,
    organisationId: orgId,
    authorMembershipId: t.membershipId,
    status,
    version,
    codeListVersion: CODE_LIST_VERSION,
    content,
    clientCode: (content.clientCode as string) ?? null,
    ruptureType: (content.ruptureType as string) ?? null,
    outcome: (content.outcome as string) ?? null,
    submissionCount: n,
    createdAt: at(created),
    updatedAt: new Date(Math.round(base + span)),
    submittedAt: lastSubmit ? at(lastSubmit) : null,
    signedOffAt: signedOff ? at(signedOff.ev) : null,
    signedOffByMembershipId: signedOff ? sup : null,
    signedOffVersion: signedOff ? signedOff.number : null,
  });
  for (const v of versions) {
    out.versions.push({ id: v.id, organisationId: orgId, caseId: id, number: v.number, caseVersion: v.v, codeListVersion: CODE_LIST_VERSION, content: v.content!, submittedByMembershipId: t.membershipId, submittedAt: at(v.ev) });
  }
  for (const tr of transitions) {
    out.transitions.push({ id: rng.uuid(), organisationId: orgId, caseId: id, actorMembershipId: tr.by, fromStatus: tr.from, toStatus: tr.to, caseVersion: tr.v, reason: tr.reason ?? null, occurredAt: at(tr.ev) });
  }
  for (const r of reviews) {
    const reviewed = versions.find((v) => v.id === r.versionId)!;
    out.reviews.push({
      id: rng.uuid(),
      organisationId: orgId,
      caseId: id,
      caseVersionId: r.versionId,
      caseVersion: r.v,
      reviewerMembershipId: sup,
      ratings: reviewRatings(rng, reviewed.content!),
      decision: r.decision,
      whatToChange: r.decision === "changes_requested" ? rng.pick(WHAT_TO_CHANGE) : null,
      createdAt: at(r.ev),
    });
  }
  for (const c of comments) {
    const focus = rng.pick(FEEDBACK_FOCUS_CODES);
    out.comments.push({ id: rng.uuid(), organisationId: orgId, caseId: id, caseVersionId: c.versionId, authorMembershipId: sup, focus, body: rng.pick(COMMENTS[focus]), createdAt: at(c.ev) });
  }
  return id;
}

/** Every trainee's cases (active or not: deactivated people keep their history). */
export function buildCases(rng: Rng, orgId: string, trainees: Trainee[], perTrainee: number, anchor: number): CaseRows {
  const out = emptyCaseRows();
  for (const t of trainees) for (const s of statusesFor(rng, perTrainee)) buildCase(rng, out, orgId, t, s, anchor);
  return out;
}
