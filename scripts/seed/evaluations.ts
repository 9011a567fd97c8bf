import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { cohortMembers, cohorts, evaluationForms, evaluationFormVersions, evaluationRounds, evaluations } from "@/db/schema";
import { STARTER_FORM, STARTER_FORM_NAME } from "@/lib/evaluations/starter-form";

// Demo competency evaluations: the starter form in the demo organisation and one open round
// ("Mid-placement") for a cohort of its two trainees. The assigned trainee's supervisor evaluates
// them; the second trainee has no supervisor yet, so the admin sees an evaluator to choose.
// Idempotent: does nothing when the organisation already has the starter form.

export async function seedDemoEvaluations(tx: Tx, orgId: string, memberByEmail: Record<string, string>, who: { admin: string; trainees: string[]; supervisor: string }) {
  const [existing] = await tx.select({ id: evaluationForms.id }).from(evaluationForms).where(and(eq(evaluationForms.organisationId, orgId), eq(evaluationForms.source, "starter")));
  if (existing) return;
  const [form] = await tx.insert(evaluationForms).values({ organisationId: orgId, name: STARTER_FORM_NAME, source: "starter", currentVersion: 1 }).returning();
  const [version] = await tx.insert(evaluationFormVersions).values({ organisationId: orgId, formId: form.id, number: 1, name: STARTER_FORM_NAME, definition: STARTER_FORM }).returning();
  const [cohort] = await tx.insert(cohorts).values({ organisationId: orgId, name: "2027 intake" }).onConflictDoNothing().returning();
  if (!cohort) return;
  const trainees = who.trainees.map((e) => memberByEmail[e]).filter(Boolean);
  await tx.insert(cohortMembers).values(trainees.map((m) => ({ organisationId: orgId, cohortId: cohort.id, membershipId: m })));
  const [round] = await tx
    .insert(evaluationRounds)
    .values({ organisationId: orgId, name: "Mid-placement", formVersionId: version.id, cohortId: cohort.id, openedByMembershipId: memberByEmail[who.admin] })
    .returning();
  await tx.insert(evaluations).values(
    trainees.map((m, i) => ({ organisationId: orgId, roundId: round.id, traineeMembershipId: m, evaluatorMembershipId: i === 0 ? memberByEmail[who.supervisor] : null })),
  );
}
