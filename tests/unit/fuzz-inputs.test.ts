import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { signUpInput, memberStatusInput } from "@/lib/orgs/schemas";
import { changePasswordInput, resetPasswordInput } from "@/lib/auth/schemas";
import { inviteInput, pasteInvitesInput, requirementInput, createCohortInput, acceptNewInput, profileInput } from "@/lib/orgs/admin-schemas";
import { createDraftInput, saveDraftInput, submitCaseInput, reviewDecisionInput, commentInput, reopenInput, dismissFlagInput } from "@/lib/cases/schemas";
import { readInviteCsv, readPastedEmails } from "@/lib/onboarding/csv";
import { scoreCheck } from "@/lib/modules/scoring";
import { reflectionContentSchema } from "@/lib/modules/reflection-spec";
import { loadCurriculum } from "@/lib/modules/content";

// Property-based: random and malformed payloads (wrong types, huge and odd unicode strings,
// missing and extra fields) against every input schema and the CSV reader. None may throw;
// every refusal must come with a message a person can act on.

const weird = fc.oneof(
  fc.string({ maxLength: 50 }),
  fc.string({ unit: "grapheme", maxLength: 50 }),
  fc.constantFrom("", " ", "\u0000", "\u202e", "🙂".repeat(300), "a".repeat(20_000), "<script>alert(1)</script>", "'; drop table users; --", "00000000-0000-0000-0000-000000000000"),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
);
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: "small" }, weird, fc.array(tie("v"), { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 12 }), tie("v"), { maxKeys: 6 })),
})).v;

const SCHEMAS = {
  signUpInput, changePasswordInput, resetPasswordInput, memberStatusInput, inviteInput, pasteInvitesInput, requirementInput, createCohortInput,
  acceptNewInput, profileInput, createDraftInput, saveDraftInput, submitCaseInput, reviewDecisionInput, commentInput, reopenInput, dismissFlagInput,
};

describe("every input schema refuses garbage cleanly", () => {
  for (const [name, schema] of Object.entries(SCHEMAS)) {
    it(name, () => {
      fc.assert(
        fc.property(value, (payload) => {
          const r = schema.safeParse(payload);
          if (!r.success) {
            expect(r.error.issues.length).toBeGreaterThan(0);
            for (const issue of r.error.issues) expect(issue.message.trim().length).toBeGreaterThan(0);
          }
        }),
        { numRuns: 300 },
      );
    });
  }

  it("strings over their limits are refused, never truncated silently", () => {
    const r = commentInput.safeParse({ caseId: "00000000-0000-4000-8000-000000000000", focus: "intervention", body: "x".repeat(100_000) });
    expect(r.success).toBe(false);
  });
});

describe("the CSV reader never throws and always explains a refusal", () => {
  it("on random bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4000 }), (bytes) => {
        const r = readInviteCsv(bytes);
        if (!r.ok) expect(r.error.length).toBeGreaterThan(10);
        else expect(Array.isArray(r.rows)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it("on random CSV-shaped text, including quotes, BOMs, CRs and odd unicode", () => {
    const cell = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('"', '""', '"a,b"', "\r", "\n", "\r\n", ",", "\ufeff", "trainee", "x@test.example"));
    const line = fc.array(cell, { maxLength: 7 }).map((c) => c.join(","));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.boolean(), (lines, header) => {
        const text = (header ? "email,name,role,supervisor_email,cohort\n" : "") + lines.join("\n");
        const r = readInviteCsv(new TextEncoder().encode(text));
        if (!r.ok) expect(r.error.length).toBeGreaterThan(10);
        const p = readPastedEmails(text, { role: "trainee", supervisorEmail: "", cohort: "" });
        if (!p.ok) expect(p.error.length).toBeGreaterThan(10);
      }),
      { numRuns: 300 },
    );
  });
});

describe("scoring and reflections refuse tampered answers", () => {
  const mod = loadCurriculum()[0];
  it("scoreCheck never throws and never scores an invalid payload", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 5 }), value, { maxKeys: 12 }), (answers) => {
        const r = scoreCheck(mod.check, answers as Record<string, string[]>);
        if (r.ok) expect(r.score).toBeGreaterThanOrEqual(0);
        else expect(Object.keys(r.errors).length + (r.formError ? 1 : 0)).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
  it("reflection content accepts only its own fields", () => {
    const schema = reflectionContentSchema({ kind: "two_relationships" });
    fc.assert(
      fc.property(value, (payload) => {
        const r = schema.safeParse(payload);
        if (r.success) for (const v of Object.values(r.data)) expect(typeof v === "string" || v === undefined).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
