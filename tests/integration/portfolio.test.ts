import { and, eq } from "drizzle-orm";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, memberships, reflections } from "@/db/schema";
import { NotFoundError } from "@/lib/core/errors";
import { loadCurriculum, type ModuleSource } from "@/lib/modules/content";
import { completeLesson } from "@/lib/modules/progress";
import { takeCheck } from "../fixtures/checks";
import { syncContent } from "@/lib/modules/sync";
import { buildPortfolioZip } from "@/lib/portfolio/build";
import { exportMemberRecords, exportMyPortfolio } from "@/lib/portfolio/export";
import { PORTFOLIO_PARTS } from "@/lib/portfolio/registry";
import type { PortfolioPart } from "@/lib/portfolio/types";
import { seedCase } from "../fixtures/cases-seed";
import { createOrg, type TestOrg } from "../fixtures/factory";
import { pdfText } from "../fixtures/pdf-read";
import { ctxOf, withDatabase } from "./helpers";

withDatabase();
beforeAll(async () => {
  await syncContent(await getDb());
});

const first = loadCurriculum()[0];

/** A trainee with a certificate, a signed-off and a draft case, and a shared reflection. */
async function traineeWithRecords(label: string): Promise<{ org: TestOrg; serial: string }> {
  const org = await createOrg(label);
  const ctx = ctxOf(org, org.trainee);
  await takeCheck(ctx, first.slug);
  let serial = "";
  for (const l of first.lessons) serial = (await completeLesson(ctx, first.slug, l.slug)).certificate?.serial ?? serial;
  await seedCase(org, "signed_off");
  await seedCase(org, "draft");
  const db = await getDb();
  const [mod] = await db.query.modules.findMany({ where: (m, { eq }) => eq(m.slug, first.slug) });
  await db.insert(reflections).values({ organisationId: org.orgId, membershipId: org.trainee.membershipId, moduleId: mod.id, content: { response: "I noticed I rush when I feel unsure." }, sharedAt: new Date(), version: 1 });
  return { org, serial };
}

const unzip = (bytes: Uint8Array) => unzipSync(bytes);
const csvRows = (bytes: Uint8Array) => strFromU8(bytes).replace(/^\ufeff/, "").trim().split("\r\n");

describe("a trainee takes their records with them", () => {
  it("the ZIP holds the certificates, transcript, case log with reviews and reflections, and says what is in it", async () => {
    const { org, serial } = await traineeWithRecords("Portfolio");
    const out = await exportMyPortfolio(ctxOf(org, org.trainee));
    const files = unzip(out.bytes);
    const names = Object.keys(files).sort();
    expect(names).toEqual(
      expect.arrayContaining([
        "README.txt",
        "transcript.pdf",
        `certificates/${serial}-${first.slug}.pdf`,
        "certificates/certificates.csv",
        "cases/cases.csv",
        "cases/case-reviews.csv",
        "cases/case-review-ratings.csv",
        "cases/case-comments.csv",
        "reflections/reflections.csv",
        "reflections/reflection-comments.csv",
      ]),
    );
    expect(names.some((n) => /^cases\/signed-off\/rc-07-[0-9a-f]{8}\.pdf$/.test(n))).toBe(true);
    expect(out.paths.sort()).toEqual(names);
    expect(out.filename).toMatch(/^rapport-records-trainee-[0-9a-f]+-\d{4}-\d{2}-\d{2}\.zip$/);

    const certCsv = csvRows(files["certificates/certificates.csv"]);
    expect(certCsv[0]).toBe("module,completed_on,cpd_hours,serial,issued_by,signatory,verify_at");
    expect(certCsv[1]).toContain(`${first.title},`);
    expect(certCsv[1]).toContain(serial);
    const cases = csvRows(files["cases/cases.csv"]);
    expect(cases).toHaveLength(3); // header, the signed-off case and the draft (both the trainee's own)
    expect(cases.some((r) => r.includes("RC-07,signed_off,6,2025,Cognitive behavioural therapy (CBT),Withdrawal") && r.includes("When I set the homework the client went quiet"))).toBe(true);
    expect(csvRows(files["cases/case-reviews.csv"])[1]).toMatch(/,RC-07,1,Supervisor [0-9a-f]+,signed_off,/);
    expect(csvRows(files["reflections/reflections.csv"])[1]).toContain("I noticed I rush when I feel unsure.");
    expect(await pdfText(files["transcript.pdf"])).toContain(serial);
    expect(strFromU8(files["README.txt"])).toContain("the person themself");

    const [event] = await (await getDb()).select().from(auditEvents).where(and(eq(auditEvents.organisationId, org.orgId), eq(auditEvents.action, "portfolio.exported")));
    expect(event.actorUserId).toBe(org.trainee.userId);
  });

  it("another person's export holds none of it", async () => {
    const { org, serial } = await traineeWithRecords("PortfolioOther");
    const files = unzip((await exportMyPortfolio(ctxOf(org, org.otherTrainee))).bytes);
    expect(Object.keys(files).some((n) => n.includes(serial))).toBe(false);
    expect(csvRows(files["cases/cases.csv"])).toHaveLength(1);
    expect(csvRows(files["reflections/reflections.csv"])).toHaveLength(1);
  });
});

describe("an admin exports a member's records when they leave", () => {
  it("certificates, transcript and case metadata; no narratives, reviews or reflections; audited with the files", async () => {
    const { org, serial } = await traineeWithRecords("Leaver");
    const db = await getDb();
    await db.update(memberships).set({ status: "deactivated" }).where(eq(memberships.id, org.trainee.membershipId));
    const out = await exportMemberRecords(ctxOf(org, org.admin), org.trainee.membershipId);
    const files = unzip(out.bytes);
    expect(Object.keys(files).sort()).toEqual(["README.txt", "cases/cases.csv", `certificates/${serial}-${first.slug}.pdf`, "certificates/certificates.csv", "transcript.pdf"].sort());
    const cases = csvRows(files["cases/cases.csv"]);
    expect(cases[0]).toBe("case_ref,status,created_at,submitted_at,signed_off_at,submissions,reviews");
    expect(cases).toHaveLength(2); // the signed-off case; a never-submitted draft is the trainee's alone
    expect(cases[1]).toMatch(/^[0-9a-f]{8},signed_off,/);
    // Metadata only, as an admin sees a case: no narrative, no client code.
    expect(strFromU8(files["cases/cases.csv"])).not.toContain("homework");
    expect(strFromU8(files["cases/cases.csv"])).not.toContain("RC-07");
    expect(strFromU8(files["README.txt"])).toMatch(/an organisation admin/);
    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.organisationId, org.orgId), eq(auditEvents.action, "member.records_exported")));
    expect(event).toMatchObject({ actorUserId: org.admin.userId, targetId: org.trainee.membershipId });
    expect(event.detail).toMatchObject({ status: "deactivated", files: expect.arrayContaining(["transcript.pdf"]) });
  });

  it("only an admin of the member's own organisation", async () => {
    const { org } = await traineeWithRecords("LeaverScope");
    const other = await createOrg("LeaverOther");
    for (const ctx of [ctxOf(org, org.supervisor), ctxOf(org, org.otherTrainee), ctxOf(other, other.admin)]) {
      await expect(exportMemberRecords(ctx, org.trainee.membershipId)).rejects.toBeInstanceOf(NotFoundError);
    }
  });
});

describe("the exporter is a list of parts", () => {
  it("a new section is one more registered part: its files and README line appear", async () => {
    const org = await createOrg("Parts");
    const hours: PortfolioPart = {
      id: "hours",
      title: "Practicum hours",
      describe: () => "hours/hours.csv: logged practicum hours.",
      files: async (subject) => [{ path: "hours/hours.csv", data: `member,hours\r\n${subject.name},12\r\n` }],
    };
    const subject = { orgId: org.orgId, membershipId: org.trainee.membershipId, userId: org.trainee.userId, name: org.trainee.name, role: org.trainee.role };
    const { bytes } = await buildPortfolioZip(subject, "self", [...PORTFOLIO_PARTS, hours], { organisationName: org.name, timeZone: "Australia/Sydney", exportedBy: org.trainee.name });
    const files = unzip(bytes);
    expect(strFromU8(files["hours/hours.csv"])).toContain(`${org.trainee.name},12`);
    expect(strFromU8(files["README.txt"])).toContain("Practicum hours: hours/hours.csv");
    const clash: PortfolioPart = { ...hours, id: "clash", files: async () => [{ path: "transcript.pdf", data: "x" }] };
    await expect(buildPortfolioZip(subject, "self", [...PORTFOLIO_PARTS, clash], { organisationName: org.name, timeZone: "UTC", exportedBy: "x" })).rejects.toThrow(/duplicate path/);
  });
});
