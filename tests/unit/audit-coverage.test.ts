import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// Every exported function in lib/ that changes a table writes an audit row in the same function
// (inside its transaction), or is listed below with the reason it does not. Reads, throttles and
// bookkeeping that no person did are the only exceptions; a new mutation without an audit row or
// a reason fails here.

const root = path.resolve(__dirname, "../..");

const NOT_AUDITED: Record<string, string> = {
  "lib/core/audit.ts#audit": "writes the audit row itself",
  "lib/core/sessions.ts#touchSession": "bookkeeping: a session's last-seen time on each request",
  "lib/core/sessions.ts#revokeSession": "part of the audited sign-out (auth.signed_out) and 'end this session'",
  "lib/core/sessions.ts#startSession": "part of sign-in, which writes auth.sign_in",
  "lib/core/sessions.ts#revokeOtherSessions": "part of the audited password change, reset and 'end other sessions'",
  "lib/auth/request-limits.ts#consume": "throttle counters: nobody's data changes",
  "lib/auth/request-limits.ts#consumeFor": "throttle counters: nobody's data changes",
  "lib/auth/throttle.ts#recordFailure": "throttle counters; the refused sign-in itself is audited (auth.sign_in, denied)",
  "lib/auth/throttle.ts#recordSuccess": "throttle counters; the sign-in itself is audited",
  "lib/auth/throttle.ts#clearAccountThrottle": "part of the audited unlock (auth.sign_in_unlocked) and password reset",
  "lib/auth/throttle.ts#pruneThrottles": "housekeeping of expired counters",
  "lib/cases/drafts.ts#saveDraft": "autosave of the author's own draft: creation, each submitted version and every decision are audited",
  "lib/cases/case-store.ts#recordTransition": "runs inside the audited submit, review and reopen transactions",
  "lib/modules/reflections.ts#saveReflection": "autosave of the learner's own reflection; sharing and unsharing are audited",
  "lib/email/send.ts#queueEmails": "runs inside the audited mutation that sends the email",
  "lib/email/send.ts#drainRun": "delivery bookkeeping of the outbox",
  "lib/email/send.ts#drainOutbox": "delivery bookkeeping of the outbox",
  "lib/email/send.ts#drainSoon": "delivery bookkeeping of the outbox",
  "lib/email/send.ts#send": "delivery bookkeeping of the outbox",
  "lib/modules/progress.ts#completeLesson": "the learner's own progress mark; the certificate it may complete is audited (certificate.issued, lib/modules/certificate-rule.ts)",
  "lib/modules/checks.ts#openCheck": "draws the learner's questions; the attempt that uses the draw is the record",
  "lib/modules/checks.ts#submitCheck": "the attempt row is itself the record (answers, score, time); a certificate it completes is audited",
  "lib/core/sessions.ts#completeFactorStep": "part of the audited second sign-in step (auth.second_factor)",
  "lib/auth/two-factor/passkey-store.ts#deletePasskeys": "storage step inside the audited removal and admin reset (auth.factor_removed, auth.factors_reset)",
  "lib/auth/two-factor/passkey-store.ts#spendChallenge": "replay guard: marks a WebAuthn challenge used; the ceremony itself is audited",
  "lib/auth/two-factor/passkey-store.ts#pruneUsedChallenges": "housekeeping of expired challenges",
  "lib/auth/two-factor/passkey-store.ts#renamePasskey": "the label a person gives their own passkey; no effect on access",
  "lib/auth/two-factor/recovery-codes.ts#issueRecoveryCodes": "storage step inside the audited enrolment and regeneration (auth.factor_added, auth.recovery_codes_regenerated)",
  "lib/auth/two-factor/recovery-codes.ts#consumeRecoveryCode": "storage step inside the audited second step (auth.recovery_code_used)",
  "lib/auth/two-factor/totp.ts#beginTotp": "an unconfirmed enrolment secret; confirming it is audited (auth.factor_added)",
  "lib/auth/two-factor/totp.ts#checkTotp": "replay guard: records the last accepted time step; the sign-in step is audited",
  "lib/auth/two-factor/totp.ts#deleteTotp": "storage step inside the audited removal and admin reset",
  "lib/modules/sync.ts#syncContent": "curriculum sync at start-up, done by no person",
  "lib/notifications/inbox.ts#markRead": "read state of the person's own inbox",
  "lib/notifications/inbox.ts#markAllRead": "read state of the person's own inbox",
  "lib/notifications/notify.ts#notify": "runs inside the audited mutation that caused the notification",
  "lib/notifications/notify.ts#notifyWithEmails": "runs inside the audited mutation that caused the notification",
};

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** Table names the file imports from the schema: only `.insert(table)` etc. on those is a write. */
function tablesOf(src: string): string[] {
  return [...src.matchAll(/import\s*\{([^}]*)\}\s*from\s*"@\/db\/schema"/g)].flatMap((m) =>
    m[1].split(",").map((s) => s.trim()).filter((s) => s && !s.startsWith("type ")),
  );
}
function writes(src: string, text: string): boolean {
  const tables = tablesOf(src);
  return tables.length > 0 && new RegExp(`\\.(insert|update|delete)\\(\\s*(${tables.join("|")})\\b`).test(text);
}
// recordFactorChange (lib/auth/two-factor/notices.ts) writes the audit row and the security email.
const AUDITS = /\b(audit|auditAs|auditMany|recordFactorChange)\(/;

function exportedFunctions(file: string): { name: string; text: string }[] {
  const src = fs.readFileSync(file, "utf8");
  const sf = ts.createSourceFile(file, src, ts.ScriptTarget.Latest, true);
  const out: { name: string; text: string }[] = [];
  for (const st of sf.statements) {
    const exported = ts.canHaveModifiers(st) && ts.getModifiers(st)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported) continue;
    if (ts.isFunctionDeclaration(st) && st.name) out.push({ name: st.name.text, text: st.getText(sf) });
    if (ts.isVariableStatement(st))
      for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name) && d.initializer) out.push({ name: d.name.text, text: d.initializer.getText(sf) });
  }
  return out;
}

/** Non-exported helpers a function calls in the same file count as its own body. */
function withLocalHelpers(file: string, text: string): string {
  const src = fs.readFileSync(file, "utf8");
  const sf = ts.createSourceFile(file, src, ts.ScriptTarget.Latest, true);
  const helpers = new Map<string, string>();
  for (const st of sf.statements) if (ts.isFunctionDeclaration(st) && st.name) helpers.set(st.name.text, st.getText(sf));
  let body = text;
  for (let i = 0; i < 3; i++) for (const [n, t] of helpers) if (new RegExp(`\\b${n}\\(`).test(body) && !body.includes(t)) body += "\n" + t;
  return body;
}

const files = walk(path.join(root, "lib")).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));
const mutations = files.flatMap((f) => {
  const rel = path.relative(root, f).split(path.sep).join("/");
  return exportedFunctions(f)
    .filter((fn) => writes(fs.readFileSync(f, "utf8"), withLocalHelpers(f, fn.text)))
    .map((fn) => ({ id: `${rel}#${fn.name}`, audited: AUDITS.test(withLocalHelpers(f, fn.text)) }));
});

describe("every mutation in lib/ is audited", () => {
  it("finds the mutations it checks (the scan itself works)", () => {
    expect(mutations.map((m) => m.id)).toContain("lib/cases/submit.ts#submitCase");
    expect(mutations.length).toBeGreaterThan(30);
  });

  it("writes an audit row in each mutation, or says why not", () => {
    expect(mutations.filter((m) => !m.audited && !NOT_AUDITED[m.id]).map((m) => m.id)).toEqual([]);
  });

  it("has no stale exception", () => {
    const ids = new Set(mutations.map((m) => m.id));
    expect(Object.keys(NOT_AUDITED).filter((id) => !ids.has(id))).toEqual([]);
  });
});
