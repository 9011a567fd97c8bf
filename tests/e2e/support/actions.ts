import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";

// Calls server actions the way an attacker can: a POST with the action's id in the Next-Action
// header, to any page that hosts it, with a hand-made body. Ids come from the build's manifest.

export type ActionRef = { id: string; file: string; name: string; pages: string[] };

export function loadActions(): ActionRef[] {
  const dist = process.env.NEXT_DIST_DIR || ".next";
  const manifest = JSON.parse(fs.readFileSync(path.join(dist, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }>;
  };
  return Object.entries(manifest.node).map(([id, v]) => ({
    id,
    file: v.filename,
    name: v.exportedName,
    pages: Object.keys(v.workers).filter((w) => w.endsWith("/page")),
  }));
}

/** "app/(app)/modules/[slug]/page" → "/modules/[slug]" */
export function workerToPattern(worker: string): string {
  const parts = worker.split("/").slice(1, -1).filter((s) => !/^\(.*\)$/.test(s));
  return "/" + parts.join("/");
}

export type ActionOutcome = { status: number; location?: string; result?: { ok: boolean; code?: string; error?: string } };

export async function invokeAction(request: APIRequestContext, action: ActionRef, url: string, args: unknown[], rawBody?: string): Promise<ActionOutcome> {
  const res = await request.post(url, {
    headers: { "Next-Action": action.id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
    data: rawBody ?? JSON.stringify(args),
    maxRedirects: 0,
    failOnStatusCode: false,
  });
  const status = res.status();
  if (status >= 300 && status < 400) return { status, location: res.headers()["location"] };
  const text = await res.text();
  const line = text.split("\n").find((l) => l.startsWith("1:"));
  let result: ActionOutcome["result"];
  if (line) {
    try {
      result = JSON.parse(line.slice(2));
    } catch {
      result = undefined;
    }
  }
  return { status, result };
}

export async function apiSignIn(request: APIRequestContext, email: string, password: string): Promise<void> {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true" },
    maxRedirects: 0,
    failOnStatusCode: false,
  });
  if (res.status() >= 400) throw new Error(`sign-in failed for ${email}: ${res.status()}`);
}
