import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { cases, reflections } from "@/db/schema";
import { CLIENT_CODE_INITIALS_MESSAGE } from "@/lib/cases/client-code";
import { createDraft, dismissFlag, saveDraft } from "@/lib/cases/drafts";
import { createDraftInput, saveDraftInput, submitCaseInput } from "@/lib/cases/schemas";
import { submitCase } from "@/lib/cases/submit";
import { ConflictError, ValidationError } from "@/lib/core/errors";
import { zodFieldErrors } from "@/lib/core/zod-errors";
import { loadCurriculum } from "@/lib/modules/content";
import { getTraineeTraining } from "@/lib/modules/oversight";
import { syncContent } from "@/lib/modules/sync";
import { getMyReflection, saveReflection, setReflectionShared } from "@/lib/modules/reflections";
import { SHARED_REFLECTION_FLAGGED, SHARE_REFUSED_FLAGGED } from "@/lib/modules/reflection-identifiers";
import { validCase } from "../fixtures/cases";
import { ctxFor } from "../fixtures/cases-db";
import { createOrg } from "../fixtures/factory";
import { withDatabase } from "./helpers";

// Issue 16, defect 3: reflections and client codes get the identifier check that case narratives get.

withDatabase();
beforeAll(async () => {
  await syncContent(await getDb());
});

const caught = async (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e);
const prompt = loadCurriculum().find((m) => m.reflection.kind === "prompt")!;

describe("reflections: the identifier check on save and on share", () => {
  it("saves a reflection naming Mr Johnson privately with a warning, refuses to share it, and shares it once the name is gone", async () => {
    const org = await createOrg("ReflGuard");
    const me = ctxFor(org, org.trainee);
    const supervisor = ctxFor(org, org.supervisor);
    const named = "I noticed how Mr Johnson at the corner shop waits for me to speak first, and I rush to fill the gap.";

    const saved = await saveReflection(me, { moduleSlug: prompt.slug, content: { response: named }, version: 0 });
    expect(saved.flags.response?.[0]).toMatch(/^“Mr Johnson”: Looks like a person's name/);
    expect((await getMyReflection(me, prompt.slug)).reflection?.content).toEqual({ response: named });

    const refused = await caught(setReflectionShared(me, { moduleSlug: prompt.slug, shared: true }));
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).message).toBe(SHARE_REFUSED_FLAGGED);
    expect((refused as ValidationError).fieldErrors.response?.[0]).toMatch(/Mr Johnson/);
    const db = await getDb();
    const [row] = await db.select({ sharedAt: reflections.sharedAt }).from(reflections).where(and(eq(reflections.organisationId, org.orgId), eq(reflections.membershipId, org.trainee.membershipId)));
    expect(row.sharedAt).toBeNull();
    expect((await getTraineeTraining(supervisor, org.trainee.membershipId)).sharedReflections).toEqual([]);

    const clean = "I noticed how the shopkeeper at the corner shop waits for me to speak first, and I rush to fill the gap.";
    const fixed = await saveReflection(me, { moduleSlug: prompt.slug, content: { response: clean }, version: saved.version });
    expect(fixed.flags).toEqual({});
    await setReflectionShared(me, { moduleSlug: prompt.slug, shared: true });
    expect((await getTraineeTraining(supervisor, org.trainee.membershipId)).sharedReflections.map((r) => r.content.response)).toEqual([clean]);

    // Shared: a save that would put the name back in front of the supervisor is refused, and nothing changes.
    const again = await caught(saveReflection(me, { moduleSlug: prompt.slug, content: { response: named }, version: fixed.version }));
    expect(again).toBeInstanceOf(ValidationError);
    expect((again as ValidationError).message).toBe(SHARED_REFLECTION_FLAGGED);
    expect((again as ValidationError).fieldErrors.response?.[0]).toMatch(/Mr Johnson/);
    expect((await getMyReflection(me, prompt.slug)).reflection).toMatchObject({ content: { response: clean }, version: fixed.version });
    expect((await getTraineeTraining(supervisor, org.trainee.membershipId)).sharedReflections.map((r) => r.content.response)).toEqual([clean]);

    // A clean edit of a shared reflection still saves; a stale version is still a conflict, not a flag.
    const edited = await saveReflection(me, { moduleSlug: prompt.slug, content: { response: `${clean} I want to notice it sooner.` }, version: fixed.version });
    expect(await caught(saveReflection(me, { moduleSlug: prompt.slug, content: { response: named }, version: fixed.version }))).toBeInstanceOf(ConflictError);

    // Withdrawn, it is private again: the draft may hold the name, with the warning.
    await setReflectionShared(me, { moduleSlug: prompt.slug, shared: false });
    const privateAgain = await saveReflection(me, { moduleSlug: prompt.slug, content: { response: named }, version: edited.version });
    expect(Object.keys(privateAgain.flags)).toEqual(["response"]);
  });

  it("refuses to share a reflection holding a handle or a partial Medicare number", async () => {
    const org = await createOrg("ReflQuasi");
    const me = ctxFor(org, org.trainee);
    await saveReflection(me, { moduleSlug: prompt.slug, content: { response: "My cousin posts as @kez_b.98 and her Medicare number ends in 4521." }, version: 0 });
    const refused = await caught(setReflectionShared(me, { moduleSlug: prompt.slug, shared: true }));
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).fieldErrors.response?.[0]).toMatch(/“@kez_b\.98”: Looks like a social-media handle.*“4521”: Looks like an identifying number/);
  });
});

describe("client codes: initials refused, names flagged", () => {
  it("refuses the client code ST with a message saying what a good code looks like, in every case action's input, and stores nothing", async () => {
    const org = await createOrg("CodeGuard");
    const requestId = crypto.randomUUID();
    // the action parses with these schemas before the data layer runs (authedAction)
    for (const [schema, input] of [
      [createDraftInput, { content: { clientCode: "ST" }, requestId }],
      [saveDraftInput, { caseId: requestId, version: 1, content: { clientCode: "ST" } }],
      [submitCaseInput, { caseId: requestId, version: 1, content: validCase({ clientCode: "ST" }) }],
    ] as const) {
      const parsed = schema.safeParse(input);
      expect(parsed.success).toBe(false);
      expect(zodFieldErrors(parsed.error!)["content.clientCode"]).toEqual([CLIENT_CODE_INITIALS_MESSAGE]);
    }
    expect(CLIENT_CODE_INITIALS_MESSAGE).toMatch(/initials.*e\.g\. C-0142/);
    for (const code of ["R.K.", "rk", "S T"]) expect(zodFieldErrors(createDraftInput.safeParse({ content: { clientCode: code }, requestId }).error!)["content.clientCode"], code).toEqual([CLIENT_CODE_INITIALS_MESSAGE]);
    expect(createDraftInput.safeParse({ content: { clientCode: "C-0142" }, requestId }).success).toBe(true);
    const db = await getDb();
    expect(await db.select().from(cases).where(eq(cases.organisationId, org.orgId))).toEqual([]);
  });

  it("flags a name in the client code like one in the narrative: submission waits until it is changed or dismissed", async () => {
    const org = await createOrg("CodeName");
    const me = ctxFor(org, org.trainee);
    const content = validCase({ clientCode: "Johnson-7" });
    const draft = await createDraft(me, content);
    expect(draft.findings.clientCode?.map((f) => f.text)).toEqual(["Johnson"]);
    const refused = await caught(submitCase(me, { caseId: draft.caseId, version: draft.version, content }));
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).fieldErrors.clientCode?.[0]).toMatch(/^1 suspected identifier is still flagged here \("Johnson"\)/);

    const renamed = validCase({ clientCode: "C-0142" });
    const saved = await saveDraft(me, { caseId: draft.caseId, version: draft.version, content: renamed });
    expect(saved.findings.clientCode).toBeUndefined();
    expect(await submitCase(me, { caseId: draft.caseId, version: saved.version, content: renamed })).toMatchObject({ submission: 1 });

    // a word that only looks like a name can be dismissed with a reason, as in the narrative
    const other = await createDraft(me, validCase({ clientCode: "MAX-2" }));
    const flag = other.findings.clientCode![0];
    await dismissFlag(me, { caseId: other.caseId, field: "clientCode", key: flag.key, reason: "Our service's intake code, not the client's name." });
    expect(await submitCase(me, { caseId: other.caseId, version: other.version, content: validCase({ clientCode: "MAX-2" }) })).toMatchObject({ submission: 1 });
  });
});
