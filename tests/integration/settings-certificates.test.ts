import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, certificates, modules } from "@/db/schema";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/core/errors";
import { certificateFile, myTranscript } from "@/lib/certificates/documents";
import { listMyCertificates, verifyCertificateRecord } from "@/lib/certificates/records";
import { loadCurriculum, type ModuleSource } from "@/lib/modules/content";
import { completeLesson } from "@/lib/modules/progress";
import { takeCheck } from "../fixtures/checks";
import { syncContent } from "@/lib/modules/sync";
import { newSerial } from "@/lib/util/serial";
import { getMyLogo, logoOf, removeLogo, saveLogo } from "@/lib/orgs/logo";
import { LOGO_MESSAGES } from "@/lib/orgs/logo-image";
import { getOrgSettings, listModuleCpd, setModuleCpd, updateOrgSettings } from "@/lib/orgs/settings";
import { orgSettingsInput } from "@/lib/orgs/settings-schemas";
import { logoUrlFor } from "@/lib/util/logo-url";
import { createOrg, type TestOrg } from "../fixtures/factory";
import { bigPng, SVG_WITH_SCRIPT, TINY_JPEG, TINY_PNG } from "../fixtures/images";
import { pdfLinks, pdfText } from "../fixtures/pdf-read";
import { ctxOf, withDatabase } from "./helpers";

withDatabase();
beforeAll(async () => {
  await syncContent(await getDb());
});

const curriculum = loadCurriculum();
const first = curriculum[0];

async function completeModule(org: TestOrg, m: ModuleSource = first) {
  const ctx = ctxOf(org, org.trainee);
  await takeCheck(ctx, m.slug);
  let serial = "";
  for (const l of m.lessons) serial = (await completeLesson(ctx, m.slug, l.slug)).certificate?.serial ?? serial;
  return serial;
}

async function moduleId(slug: string) {
  const [m] = await (await getDb()).select({ id: modules.id }).from(modules).where(eq(modules.slug, slug));
  return m.id;
}

const settings = (org: TestOrg, over: Partial<Record<string, unknown>> = {}) =>
  orgSettingsInput.parse({ name: org.name, timeZone: "Australia/Sydney", signatoryName: "", signatoryTitle: "", version: 0, ...over });

const file = (bytes: Uint8Array, type = "image/png") => new Blob([new Uint8Array(bytes)], { type });

describe("organisation settings", () => {
  it("an admin changes the name, time zone and signatory; the change is versioned and audited", async () => {
    const org = await createOrg("Settings");
    const admin = ctxOf(org, org.admin);
    expect(await getOrgSettings(admin)).toMatchObject({ timeZone: "Australia/Sydney", signatoryName: null, settingsVersion: 0, logo: null });
    const r = await updateOrgSettings(admin, settings(org, { name: `${org.name} Renamed`, timeZone: "Australia/Perth", signatoryName: "Dr Alex Chen", signatoryTitle: "Director" }));
    expect(r.version).toBe(1);
    // A second admin's stale form is refused, not silently applied.
    await expect(updateOrgSettings(admin, settings(org, { name: "Stale", version: 0 }))).rejects.toBeInstanceOf(ConflictError);
    const db = await getDb();
    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.organisationId, org.orgId), eq(auditEvents.action, "org.settings_changed")));
    expect(event.detail).toMatchObject({ changed: { timeZone: { from: "Australia/Sydney", to: "Australia/Perth" }, signatoryName: { from: null, to: "Dr Alex Chen" } } });
  });

  it("only an org_admin of the organisation changes settings, hours and the logo", async () => {
    const org = await createOrg("SettingsRoles");
    for (const who of [org.trainee, org.supervisor]) {
      const ctx = ctxOf(org, who);
      await expect(updateOrgSettings(ctx, settings(org))).rejects.toBeInstanceOf(NotFoundError);
      await expect(setModuleCpd(ctx, { modules: [] })).rejects.toBeInstanceOf(NotFoundError);
      await expect(saveLogo(ctx, file(TINY_PNG))).rejects.toBeInstanceOf(NotFoundError);
      await expect(removeLogo(ctx)).rejects.toBeInstanceOf(NotFoundError);
    }
  });

  it("CPD hours are set per module, in minutes, and cleared with an empty value", async () => {
    const org = await createOrg("Cpd");
    const admin = ctxOf(org, org.admin);
    const id = await moduleId(first.slug);
    expect((await setModuleCpd(admin, { modules: [{ moduleId: id, hours: 90 }] })).changed).toBe(1);
    expect((await setModuleCpd(admin, { modules: [{ moduleId: id, hours: 90 }] })).changed).toBe(0);
    expect((await listModuleCpd(admin)).find((m) => m.moduleId === id)?.minutes).toBe(90);
    // Another organisation's hours are its own.
    const other = await createOrg("CpdOther");
    expect((await listModuleCpd(ctxOf(other, other.admin))).find((m) => m.moduleId === id)?.minutes).toBeNull();
    await setModuleCpd(admin, { modules: [{ moduleId: id, hours: null }] });
    expect((await listModuleCpd(admin)).find((m) => m.moduleId === id)?.minutes).toBeNull();
  });
});

describe("the logo", () => {
  it("stores a PNG or JPEG byte for byte, shows it to the organisation's own members only, and audits it", async () => {
    const org = await createOrg("Logo");
    const admin = ctxOf(org, org.admin);
    const { version } = await saveLogo(admin, file(TINY_PNG));
    const stored = await getMyLogo(ctxOf(org, org.trainee));
    expect(stored?.contentType).toBe("image/png");
    expect(Buffer.from(stored!.bytes).equals(TINY_PNG)).toBe(true);
    expect(logoUrlFor((await logoOf(org.orgId))?.sha256)).toBe(`/organisation/logo?v=${version}`);
    const other = await createOrg("LogoOther");
    expect(await getMyLogo(ctxOf(other, other.trainee))).toBeNull();
    expect(logoUrlFor((await logoOf(other.orgId))?.sha256)).toBeNull();
    // Replaced by a JPEG (declared as PNG: the bytes decide).
    await saveLogo(admin, file(TINY_JPEG, "image/png"));
    expect((await logoOf(org.orgId))?.contentType).toBe("image/jpeg");
    expect(await removeLogo(admin)).toEqual({ removed: true });
    expect(await logoOf(org.orgId)).toBeNull();
    const actions = (await (await getDb()).select().from(auditEvents).where(eq(auditEvents.organisationId, org.orgId))).map((e) => e.action);
    expect(actions.filter((a) => a === "org.logo_changed")).toHaveLength(2);
    expect(actions).toContain("org.logo_removed");
  });

  it("refuses a non-image, an oversized file and an SVG with a script, saving nothing", async () => {
    const org = await createOrg("LogoBad");
    const admin = ctxOf(org, org.admin);
    const refusal = async (f: Blob) => {
      const e = await saveLogo(admin, f).catch((x) => x);
      expect(e).toBeInstanceOf(ValidationError);
      return (e as ValidationError).fieldErrors.file?.[0];
    };
    expect(await refusal(file(Buffer.from("name,email\nA,a@example.org\n"), "image/png"))).toBe(LOGO_MESSAGES.other);
    expect(await refusal(file(SVG_WITH_SCRIPT, "image/png"))).toBe(LOGO_MESSAGES.svg);
    const big = bigPng(600 * 1024);
    expect(await refusal(file(big))).toBe(LOGO_MESSAGES.tooLarge(big.length));
    // A PNG header on bytes that don't decode: refused before it could break a certificate.
    const broken = Buffer.concat([TINY_PNG.subarray(0, 33), Buffer.from("not really image data")]);
    expect(await refusal(file(broken))).toBe(LOGO_MESSAGES.corrupt);
    expect(await logoOf(org.orgId)).toBeNull();
  });
});

describe("certificates carry the organisation's settings", () => {
  it("settings change the certificate: organisation, signatory, CPD hours, date in the time zone and a clickable link", async () => {
    const org = await createOrg("CertSettings");
    const admin = ctxOf(org, org.admin);
    await updateOrgSettings(admin, settings(org, { timeZone: "Pacific/Auckland", signatoryName: "Dr Alex Chen", signatoryTitle: "Director of Clinical Training" }));
    await setModuleCpd(admin, { modules: [{ moduleId: await moduleId(first.slug), hours: 90 }] });
    await saveLogo(admin, file(TINY_PNG));
    const serial = await completeModule(org);
    expect(serial).toMatch(/^RAP-/);

    const trainee = ctxOf(org, org.trainee);
    const pdf = await certificateFile(trainee, serial);
    const text = await pdfText(pdf.bytes);
    const [cert] = await (await getDb()).select().from(certificates).where(eq(certificates.serial, serial));
    const day = cert.issuedAt.toLocaleDateString("en-AU", { day: "numeric", month: "long", year: "numeric", timeZone: "Pacific/Auckland" });
    for (const s of [org.name.toUpperCase(), org.trainee.name, first.title, "Dr Alex Chen", "Director of Clinical Training", "1.5 hours", `Completed on ${day}`, serial]) expect(text).toContain(s);
    expect(await pdfLinks(pdf.bytes)).toEqual([expect.stringMatching(new RegExp(`/verify/${serial}$`))]);

    // Public verification names the organisation; an unknown serial is simply not there.
    expect(await verifyCertificateRecord(serial)).toMatchObject({ organisationName: org.name, recipientName: org.trainee.name, cpdMinutes: 90, timeZone: "Pacific/Auckland" });
    expect(await verifyCertificateRecord(newSerial())).toBeNull();

    // A later change doesn't rewrite a certificate already issued.
    await updateOrgSettings(admin, settings(org, { name: `${org.name} New`, signatoryName: "Sam Other", version: 1 }));
    await setModuleCpd(admin, { modules: [{ moduleId: await moduleId(first.slug), hours: 300 }] });
    const again = await pdfText((await certificateFile(trainee, serial)).bytes);
    expect(again).toContain("Dr Alex Chen");
    expect(again).not.toContain("Sam Other");
    expect(again).toContain("1.5 hours");
    expect(await verifyCertificateRecord(serial)).toMatchObject({ organisationName: org.name });
  });

  it("a certificate issued before these settings existed shows the current ones", async () => {
    const org = await createOrg("Legacy");
    const admin = ctxOf(org, org.admin);
    const mod = await moduleId(first.slug);
    const serial = newSerial();
    await (await getDb()).insert(certificates).values({ serial, organisationId: org.orgId, membershipId: org.trainee.membershipId, moduleId: mod, moduleVersion: 1, recipientName: org.trainee.name, moduleTitle: first.title });
    await updateOrgSettings(admin, settings(org, { signatoryName: "Dr Current" }));
    await setModuleCpd(admin, { modules: [{ moduleId: mod, hours: 120 }] });
    expect(await listMyCertificates(ctxOf(org, org.trainee))).toEqual([expect.objectContaining({ serial, organisationName: org.name, signatoryName: "Dr Current", cpdMinutes: 120 })]);
  });

  it("the transcript lists every completed module with date, hours and serial, and the total", async () => {
    const org = await createOrg("Transcript");
    const admin = ctxOf(org, org.admin);
    await setModuleCpd(admin, { modules: [{ moduleId: await moduleId(first.slug), hours: 90 }, { moduleId: await moduleId(curriculum[1].slug), hours: 60 }] });
    const s1 = await completeModule(org, first);
    const s2 = await completeModule(org, curriculum[1]);
    const trainee = ctxOf(org, org.trainee);
    const t = await myTranscript(trainee);
    const text = await pdfText(t.bytes);
    for (const s of [org.trainee.name, org.name, first.title, curriculum[1].title, s1, s2, "1.5", "Total CPD hours: 2.5", "2 modules completed"]) expect(text).toContain(s);
    const links = await pdfLinks(t.bytes);
    expect(links.some((l) => l.endsWith(`/verify/${s1}`)) && links.some((l) => l.endsWith(`/verify/${s2}`))).toBe(true);
    // Someone else's transcript holds none of it.
    expect(await pdfText((await myTranscript(ctxOf(org, org.otherTrainee))).bytes)).not.toContain(s1);
  });

  it("downloads stay with the holder and the organisation's admins", async () => {
    const a = await createOrg("CertScopeA");
    const b = await createOrg("CertScopeB");
    const serial = await completeModule(a);
    expect((await certificateFile(ctxOf(a, a.admin), serial)).filename).toContain(serial);
    for (const ctx of [ctxOf(a, a.otherTrainee), ctxOf(a, a.supervisor), ctxOf(b, b.admin), ctxOf(b, b.trainee)]) {
      await expect(certificateFile(ctx, serial)).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await listMyCertificates(ctxOf(b, b.trainee))).toEqual([]);
  });
});
