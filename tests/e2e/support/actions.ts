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

/** Marks an argument to send as FormData (React's reply encoding: "$K<n>" plus "<n>_field" parts). */
export type FilePart = { name: string; mimeType: string; buffer: Buffer };
export class Form {
  constructor(readonly fields: Record<string, string | FilePart>) {}
}

export async function invokeAction(request: APIRequestContext, action: ActionRef, url: string, args: unknown[], rawBody?: string): Promise<ActionOutcome> {
  const formIndex = args.findIndex((a) => a instanceof Form);
  let res;
  if (formIndex >= 0 && rawBody === undefined) {
    const form = args[formIndex] as Form;
    const encoded = args.map((a, i) => (i === formIndex ? "$K1" : a));
    // The form's parts first and the root ("0") last, as the browser sends them: the server
    // resolves the root's "$K1" reference against the parts it has already read. (Built by hand:
    // Playwright's multipart option does not keep this order.)
    const boundary = `----rapport${Date.now().toString(16)}`;
    const chunks: Buffer[] = [];
    const part = (name: string, value: string | FilePart) => {
      const file = typeof value === "string" ? null : value;
      chunks.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${file ? `; filename="${file.name}"\r\nContent-Type: ${file.mimeType}` : ""}\r\n\r\n`,
        ),
        file ? file.buffer : Buffer.from(value as string),
        Buffer.from("\r\n"),
      );
    };
    for (const [k, v] of Object.entries(form.fields)) part(`_1_${k}`, v);
    part("0", JSON.stringify(encoded));
    chunks.push(Buffer.from(`--${boundary}--\r\n`));
    res = await request.post(url, {
      headers: { "Next-Action": action.id, Accept: "text/x-component", "Content-Type": `multipart/form-data; boundary=${boundary}` },
      data: Buffer.concat(chunks),
      maxRedirects: 0,
      failOnStatusCode: false,
    });
  } else {
    res = await request.post(url, {
      headers: { "Next-Action": action.id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
      data: rawBody ?? JSON.stringify(args),
      maxRedirects: 0,
      failOnStatusCode: false,
    });
  }
  const status = res.status();
  // A redirect() inside an action called from JavaScript comes back as a header, not a Location.
  const actionRedirect = res.headers()["x-action-redirect"];
  if (status >= 300 && status < 400) return { status, location: res.headers()["location"] ?? actionRedirect };
  if (actionRedirect) return { status, location: actionRedirect };
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
