import { expect, test, type APIRequestContext } from "@playwright/test";
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { policyForAction } from "@/lib/security/policy";
import { ACTION_SAMPLES } from "./support/action-samples";
import { invokeAction, loadActions, type ActionOutcome } from "./support/actions";
import { buildWorld, disposeSessions, openSessions, ROLES, type World } from "./support/world";

// Every server action in the build, called directly over HTTP (as a hostile client could) by a
// visitor, by each role of organisation A and by each role of organisation B, aimed at A's
// resources. Denied calls must answer not-found and change nothing of A's; allowed calls must get
// past authorisation. Ids and files come from the build manifest, so a new action without a
// policy row or a sample fails here.

// Actions that undo the fixtures' state for later ones run last.
const LAST = ["endOtherSessionsAction"];
const actions = loadActions().sort((x, y) => Number(LAST.includes(x.name)) - Number(LAST.includes(y.name)));

async function fingerprint(orgId: string): Promise<string> {
  const db = await getDb();
  const tables = ["cases", "case_versions", "case_reviews", "case_comments", "case_flag_dismissals", "memberships", "supervisions", "cohorts", "cohort_members", "invitations", "module_requirements", "reflections", "reflection_comments", "case_risk_reviews", "lesson_progress", "check_attempts", "placements", "trainee_placements", "trainee_placement_supervisors", "hour_entries", "hour_approvals", "hour_requirement_sets", "hour_summaries", "supervision_sessions", "supervision_session_attendees", "supervision_session_cases", "evaluation_forms", "evaluation_form_versions", "evaluation_rounds", "evaluations", "evaluation_responses", "practice_drills", "practice_drill_versions", "practice_attempts", "practice_recordings", "practice_feedback", "practice_assignments", "practice_assignees", "practice_settings", "calibration_cases", "case_calibration_consents", "calibration_rounds", "calibration_participants"];
  const parts: string[] = [];
  for (const t of tables) {
    const r = await db.execute(sql.raw(`select md5(coalesce(string_agg(to_jsonb(x)::text, ',' order by to_jsonb(x)::text), '')) as h from ${t} x where organisation_id = '${orgId}'`));
    const rows = (Array.isArray(r) ? r : (r as unknown as { rows: unknown[] }).rows) as { h: string }[];
    parts.push(`${t}:${rows[0].h}`);
  }
  return parts.join("|");
}

async function deniedEvents(orgId: string): Promise<number> {
  const db = await getDb();
  const r = await db.execute(sql`select count(*)::int as n from audit_events where organisation_id = ${orgId} and action = 'access.denied'`);
  return ((Array.isArray(r) ? r : (r as unknown as { rows: unknown[] }).rows) as { n: number }[])[0].n;
}

function refused(o: ActionOutcome): boolean {
  return o.status === 200 && o.result?.ok === false && o.result.code === "not_found";
}
function sentToSignIn(o: ActionOutcome): boolean {
  return (o.status >= 300 && o.status < 400 && (o.location ?? "").includes("/login")) || o.result?.code === "signed_out";
}

test.describe("permission matrix: server actions", () => {
  let world: World;
  let sessions = new Map<string, APIRequestContext>();

  test.beforeAll(async ({ playwright, baseURL }) => {
    world = await buildWorld();
    sessions = await openSessions(playwright, baseURL, world);
  });
  test.afterAll(() => disposeSessions(sessions));

  test("every action in the build has a policy row and a sample call", () => {
    expect(actions.length).toBeGreaterThan(20);
    expect(actions.filter((a) => !policyForAction(a.file, a.name)).map((a) => `${a.file}#${a.name}`)).toEqual([]);
    expect(actions.filter((a) => !ACTION_SAMPLES[`${a.file}#${a.name}`]).map((a) => `${a.file}#${a.name}`)).toEqual([]);
  });

  for (const action of actions) {
    const key = `${action.file}#${action.name}`;
    test(`action ${key}`, async () => {
      const row = policyForAction(action.file, action.name);
      const sample = ACTION_SAMPLES[key];
      expect(row && sample, key).toBeTruthy();
      const args = sample!.args(world);
      const call = (who: string) => invokeAction(sessions.get(who)!, action, sample!.page, args);

      const anon = await call("anonymous");
      if (row!.anonymous === "public") expect(anon.status, `visitor: ${JSON.stringify(anon)}`).toBeLessThan(500);
      else expect(sentToSignIn(anon), `visitor: ${JSON.stringify(anon)}`).toBe(true);
      if (row!.anonymous === "public") return;

      // Denied first (nothing of A's may change, and each refusal is audited in the caller's
      // organisation), then allowed.
      const before = await fingerprint(world.a.org.orgId);
      const deniedBefore = await deniedEvents(world.b.org.orgId);
      let deniedCalls = 0;
      for (const role of ROLES) {
        if (row!.crossOrg === "deny") {
          const o = await call(`b.${role}`);
          if (action.name !== "switchOrgAction") deniedCalls++;
          if (action.name === "switchOrgAction") expect(o.location ?? "", `B ${role}`).toContain("org-not-found");
          else expect(refused(o), `B ${role}: ${JSON.stringify(o)}`).toBe(true);
        }
        if (row!.roles[role] === "deny") {
          const o = await call(`a.${role}`);
          expect(refused(o), `A ${role}: ${JSON.stringify(o)}`).toBe(true);
        }
      }
      expect(await fingerprint(world.a.org.orgId), `${key}: a refused call changed organisation A's data`).toBe(before);
      expect(await deniedEvents(world.b.org.orgId), `${key}: refusals are audited`).toBeGreaterThanOrEqual(deniedBefore + deniedCalls);
      for (const role of ROLES) {
        if (row!.roles[role] !== "allow") continue;
        const o = await call(`a.${role}`);
        expect(o.status, `A ${role}: ${JSON.stringify(o)}`).toBeLessThan(500);
        expect(refused(o) || sentToSignIn(o), `A ${role} should pass authorisation: ${JSON.stringify(o)}`).toBe(false);
      }
    });
  }
});
