import { describe, expect, it } from "vitest";
import { blankDefinition, checkResponse, competenciesOf, formDefinitionSchema, NOT_OBSERVED, ratingLabel, ratingOptions } from "./definition";
import { signInput, responseInput, sameName } from "./schemas";
import { STARTER_FORM } from "./starter-form";

describe("Rapport's starter form", () => {
  it("is a valid form: seven domains of two to four competencies, five anchored points and “not observed”", () => {
    expect(formDefinitionSchema.safeParse(STARTER_FORM).success).toBe(true);
    expect(STARTER_FORM.domains.map((d) => d.title)).toEqual([
      "Alliance and relationship skills",
      "Rupture recognition and repair",
      "Ethics and risk",
      "Use of supervision",
      "Cultural responsiveness",
      "Case conceptualisation",
      "Documentation",
    ]);
    for (const d of STARTER_FORM.domains) {
      expect(d.competencies.length).toBeGreaterThanOrEqual(2);
      expect(d.competencies.length).toBeLessThanOrEqual(4);
    }
    expect(STARTER_FORM.scale.points.map((p) => p.label)).toEqual(["Not yet demonstrated", "Emerging", "Developing", "Established", "Consistently independent"]);
    for (const p of STARTER_FORM.scale.points) expect(p.description.length).toBeGreaterThan(20);
    expect(STARTER_FORM.scale.notObserved).toMatchObject({ allowed: true, label: "Not observed" });
    const codes = competenciesOf(STARTER_FORM).map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("writes Australian English (no US spellings slipped in)", () => {
    const text = JSON.stringify(STARTER_FORM);
    for (const us of ["behavior", "organization", "conceptualization", "practicing", "center", "recognize"]) expect(text.toLowerCase()).not.toContain(us);
  });
});

describe("the form schema", () => {
  it("refuses points out of order, empty titles, duplicate codes and anchors beyond the scale, each at its field", () => {
    const bad = structuredClone(STARTER_FORM);
    bad.scale.points[2].value = 2;
    bad.domains[1].title = " ";
    bad.domains[2].competencies[1].code = bad.domains[2].competencies[0].code;
    bad.domains[3].competencies[0].anchors = ["a", "b", "c", "d", "e", "f"];
    const r = formDefinitionSchema.safeParse(bad);
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["scale.points.2.value", "domains.1.title", "domains.2.competencies.1.title", "domains.3.competencies.0.anchors"]));
  });

  it("refuses codes that would break form field names (dots, leading digits)", () => {
    const bad = structuredClone(STARTER_FORM);
    bad.domains[0].competencies[0].code = "a.b";
    bad.domains[0].competencies[1].code = "1abc";
    const r = formDefinitionSchema.safeParse(bad);
    expect(r.error!.issues.map((i) => i.path.join("."))).toEqual(["domains.0.competencies.0.code", "domains.0.competencies.1.code"]);
  });

  it("starts the builder from a blank form that only lacks titles", () => {
    const r = formDefinitionSchema.safeParse(blankDefinition());
    expect(r.error!.issues.map((i) => i.path.join("."))).toEqual(["domains.0.title", "domains.0.competencies.0.title"]);
  });
});

describe("a response against its form", () => {
  const all = Object.fromEntries(competenciesOf(STARTER_FORM).map((c) => [c.code, { rating: "3" }]));

  it("accepts a draft with gaps, but a submission only when every competency is rated", () => {
    const draft = { ratings: { alliance__engagement: { rating: "2" } }, overallComment: "", recommendation: null };
    expect(checkResponse(STARTER_FORM, draft, { complete: false, side: "self" })).toEqual({});
    const errors = checkResponse(STARTER_FORM, draft, { complete: true, side: "self" });
    expect(Object.keys(errors)).toHaveLength(competenciesOf(STARTER_FORM).length - 1);
    expect(errors["ratings.rupture__notices.rating"]?.[0]).toBe("Rate “Notices strain in the relationship”, or choose “Not observed”.");
  });

  it("asks the supervisor, not the trainee, for a recommendation, and only one the form offers", () => {
    expect(checkResponse(STARTER_FORM, { ratings: all, overallComment: "", recommendation: null }, { complete: true, side: "self" })).toEqual({});
    expect(checkResponse(STARTER_FORM, { ratings: all, overallComment: "", recommendation: null }, { complete: true, side: "supervisor" })).toEqual({ recommendation: ["Choose your overall recommendation."] });
    expect(checkResponse(STARTER_FORM, { ratings: all, overallComment: "", recommendation: "promote" }, { complete: true, side: "supervisor" })).toEqual({ recommendation: ["Choose one of the recommendations offered."] });
  });

  it("refuses points off the scale, unknown competencies and comments a form doesn't take", () => {
    const noComments = { ...structuredClone(STARTER_FORM), comments: false };
    const errors = checkResponse(noComments, { ratings: { alliance__engagement: { rating: "7", comment: "hi" }, gone: { rating: "3" } }, overallComment: "", recommendation: null }, { complete: false, side: "self" });
    expect(errors["ratings.alliance__engagement.rating"]).toEqual(["Choose one of the points on the scale."]);
    expect(errors["ratings.alliance__engagement.comment"]).toBeDefined();
    expect(errors._form?.[0]).toMatch(/Reload the page/);
  });

  it("labels ratings in words, uses a competency's own wording for a point, and treats “not observed” as an answer", () => {
    expect(ratingLabel(STARTER_FORM, "4")).toBe("4 · Established");
    expect(ratingLabel(STARTER_FORM, NOT_OBSERVED)).toBe("Not observed");
    expect(ratingLabel(STARTER_FORM, undefined)).toBe("Not rated");
    const c = { ...STARTER_FORM.domains[0].competencies[0], anchors: ["", "Their own words for 2"] };
    const opts = ratingOptions(STARTER_FORM, c);
    expect(opts.map((o) => o.value)).toEqual(["1", "2", "3", "4", "5", NOT_OBSERVED]);
    expect(opts[1].description).toBe("Their own words for 2");
    expect(opts[0].description).toBe(STARTER_FORM.scale.points[0].description);
  });
});

describe("action inputs", () => {
  it("turns an unanswered radio (null) into no answer, and caps lengths with a message", () => {
    const r = responseInput.parse({ evaluationId: crypto.randomUUID(), version: "2", ratings: { a_b: { rating: null, comment: null } }, overallComment: null, recommendation: "" });
    expect(r).toMatchObject({ version: 2, ratings: { a_b: { rating: "", comment: "" } }, overallComment: "", recommendation: null });
    const long = responseInput.safeParse({ evaluationId: crypto.randomUUID(), version: 0, ratings: {}, overallComment: "x".repeat(4001) });
    expect(long.error?.issues[0].message).toBe("Use at most 4000 characters.");
  });

  it("needs the attestation ticked and a disagreement written when the trainee says they disagree", () => {
    const base = { evaluationId: crypto.randomUUID(), version: 1, name: "Alex Trainee" };
    expect(signInput.safeParse({ ...base, attest: false }).error?.issues[0].message).toBe("Tick the box to confirm you have read the evaluation.");
    expect(signInput.safeParse({ ...base, attest: true, disagree: true, disagreement: "  " }).error?.issues[0].path).toEqual(["disagreement"]);
    expect(signInput.safeParse({ ...base, attest: true }).success).toBe(true);
    // Every message at once: the missing name and tick don't hide the missing disagreement.
    const all = signInput.safeParse({ ...base, name: "", attest: false, disagree: true, disagreement: "" });
    expect(all.error?.issues.map((i) => i.path.join("."))).toEqual(["name", "attest", "disagreement"]);
  });

  it("matches a typed name to the account's however it is spaced or capitalised", () => {
    expect(sameName("  alex   TRAINEE ", "Alex Trainee")).toBe(true);
    expect(sameName("Alex Trainer", "Alex Trainee")).toBe(false);
  });
});
