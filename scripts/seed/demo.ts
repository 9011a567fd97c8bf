import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memberships, organisations, supervisions, users, type Role } from "@/db/schema";
import { hashPassword } from "@/lib/auth/hash";
import { seedDemoEvaluations } from "./evaluations";

export const DEMO_PASSWORD = "rapport-demo-2026";

type DemoPerson = { email: string; name: string; role: Role };
type DemoSettings = { signatoryName: string; signatoryTitle: string; timeZone: string; cpdMinutes: number };
export const DEMO_ORGS: { name: string; slug: string; settings: DemoSettings; people: DemoPerson[] }[] = [
  {
    name: "Harbourside Counselling Institute",
    slug: "harbourside",
    settings: { signatoryName: "Dr Priya Natarajan", signatoryTitle: "Director of Clinical Training", timeZone: "Australia/Sydney", cpdMinutes: 90 },
    people: [
      { email: "trainee@harbourside.example", name: "Alex Trainee", role: "trainee" },
      { email: "supervisor@harbourside.example", name: "Sam Supervisor", role: "supervisor" },
      { email: "admin@harbourside.example", name: "Jordan Admin", role: "org_admin" },
      { email: "trainee2@harbourside.example", name: "Riley Second", role: "trainee" },
      // Two more supervisors, for the demo calibration rounds (scripts/seed/calibration.ts).
      { email: "supervisor2@harbourside.example", name: "Robin Clinician", role: "supervisor" },
      { email: "supervisor3@harbourside.example", name: "Kai Reviewer", role: "supervisor" },
    ],
  },
  {
    name: "Southern Cross University Clinic",
    slug: "southern-cross",
    settings: { signatoryName: "Assoc. Prof. Tom Walsh", signatoryTitle: "Clinic Director", timeZone: "Australia/Perth", cpdMinutes: 60 },
    people: [
      { email: "admin@southern.example", name: "Morgan Coordinator", role: "org_admin" },
      { email: "trainee@southern.example", name: "Casey Student", role: "trainee" },
      { email: "supervisor@southern.example", name: "Taylor Clinician", role: "supervisor" },
    ],
  },
];

/** Idempotent: creates only what is missing. Returns true when anything was created. */
export async function seedDemo(db: Db): Promise<boolean> {
  const [existing] = await db.select({ n: sql<number>`count(*)::int` }).from(organisations).where(sql`slug in ('harbourside','southern-cross')`);
  if (existing.n === DEMO_ORGS.length) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    for (const o of DEMO_ORGS) {
      const [org] = await tx
        .insert(organisations)
        .values({ name: o.name, slug: o.slug, verifiedAt: new Date(), signatoryName: o.settings.signatoryName, signatoryTitle: o.settings.signatoryTitle, timeZone: o.settings.timeZone })
        .onConflictDoUpdate({ target: organisations.slug, set: { name: o.name } })
        .returning();
      // CPD hours for every current module (the curriculum is synchronised before seeding).
      await tx.execute(sql`insert into module_cpd_hours (organisation_id, module_id, minutes)
        select ${org.id}, id, ${o.settings.cpdMinutes} from modules where retired_at is null on conflict do nothing`);
      const ids: Record<string, string> = {};
      for (const p of o.people) {
        const [found] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${p.email}`);
        const userId = found?.id ?? (await tx.insert(users).values({ email: p.email, name: p.name, passwordHash, emailVerifiedAt: new Date() }).returning())[0].id;
        const [m] = await tx
          .insert(memberships)
          .values({ organisationId: org.id, userId, role: p.role })
          .onConflictDoUpdate({ target: [memberships.organisationId, memberships.userId], set: { role: p.role } })
          .returning();
        ids[p.email] = m.id;
      }
      const sup = o.people.find((p) => p.role === "supervisor");
      const trainee = o.people.find((p) => p.role === "trainee");
      if (sup && trainee) {
        await tx
          .insert(supervisions)
          .values({ organisationId: org.id, supervisorMembershipId: ids[sup.email], traineeMembershipId: ids[trainee.email] })
          .onConflictDoNothing();
      }
      if (o.slug === "harbourside") {
        await seedDemoEvaluations(tx, org.id, ids, {
          admin: "admin@harbourside.example",
          supervisor: "supervisor@harbourside.example",
          trainees: ["trainee@harbourside.example", "trainee2@harbourside.example"],
        });
      }
    }
  });
  return true;
}

export function demoSignInsText(): string {
  const lines = ["Demo sign-ins (password for all: " + DEMO_PASSWORD + "):"];
  for (const o of DEMO_ORGS) {
    lines.push(`  ${o.name}`);
    for (const p of o.people) lines.push(`    ${p.role.padEnd(11)} ${p.email}`);
  }
  return lines.join("\n");
}
