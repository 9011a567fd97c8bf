import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { POLICY, policyFor, policyForAction } from "@/lib/security/policy";

// Enumerates the routes and server actions from the code itself and fails when one has no row
// in the declared policy (lib/security/policy.ts), or when a row points at nothing.

const root = path.resolve(__dirname, "../..");

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

const appFiles = walk(path.join(root, "app")).map((f) => path.relative(root, f).split(path.sep).join("/"));

export function routePattern(file: string): string {
  const segments = file.split("/").slice(1, -1).filter((s) => !/^\(.*\)$/.test(s));
  return "/" + segments.join("/");
}

const pages = appFiles.filter((f) => f.endsWith("/page.tsx")).map(routePattern);
const routes = appFiles.filter((f) => f.endsWith("/route.ts")).map(routePattern);
const libFiles = walk(path.join(root, "lib")).map((f) => path.relative(root, f).split(path.sep).join("/"));
// Server actions live with their feature's server code: lib/<area>/actions.ts or lib/<area>/actions/*.ts.
const isActionFile = (f: string) => !f.startsWith("lib/core/") && /^lib\/[\w-]+\/(actions\.ts|actions\/[\w-]+\.ts)$/.test(f);
const actionFiles = libFiles.filter(isActionFile);
const usesServer = (f: string) => /^\s*["']use server["']/m.test(fs.readFileSync(path.join(root, f), "utf8"));
const actions = actionFiles.flatMap((file) => {
  const src = fs.readFileSync(path.join(root, file), "utf8");
  const names = [...src.matchAll(/export\s+(?:const|async\s+function|function)\s+(\w+)/g)].map((m) => m[1]);
  return names.filter((n) => !/^[A-Z]/.test(n)).map((name) => ({ file, name }));
});

describe("access policy covers the code", () => {
  it("finds the routes and actions it checks (the enumeration itself works)", () => {
    expect(pages).toContain("/modules/[slug]/lessons/[lesson]");
    expect(routes).toContain("/api/health");
    expect(actions).toContainEqual({ file: "lib/orgs/actions/sign-up.ts", name: "signUpAction" });
  });

  it("has a row for every page", () => {
    expect(pages.filter((p) => !policyFor("page", p))).toEqual([]);
  });

  it("has a row for every route handler", () => {
    expect(routes.filter((r) => !policyFor("route", r))).toEqual([]);
  });

  it("has a row for every exported server action", () => {
    expect(actions.filter((a) => !policyForAction(a.file, a.name)).map((a) => `${a.file}#${a.name}`)).toEqual([]);
  });

  it("names server actions *Action and keeps 'use server' files in lib/<area>/actions only", () => {
    expect(actions.filter((a) => !a.name.endsWith("Action")).map((a) => `${a.file}#${a.name}`)).toEqual([]);
    expect(actionFiles.filter((f) => !usesServer(f))).toEqual([]);
    const components = walk(path.join(root, "components")).map((f) => path.relative(root, f).split(path.sep).join("/"));
    const elsewhere = [...appFiles, ...libFiles, ...components].filter((f) => /\.tsx?$/.test(f) && !isActionFile(f) && usesServer(f));
    expect(elsewhere).toEqual([]);
  });

  it("sends every page and route handler through the one entry pipeline (lib/core/page.ts, lib/core/route.ts)", () => {
    const read = (f: string) => fs.readFileSync(path.join(root, f), "utf8");
    const pageFiles = appFiles.filter((f) => f.endsWith("/page.tsx"));
    expect(pageFiles.filter((f) => !/^export default (authedPage|publicPage)\(/m.test(read(f)))).toEqual([]);
    // No page decides access for itself: no inline role checks, no hand-made not-found.
    expect(pageFiles.filter((f) => /\bcan\(|\bnotFound\(|\borNotFound\(|\brequireContext\(/.test(read(f)))).toEqual([]);
    const routeFiles = appFiles.filter((f) => f.endsWith("/route.ts"));
    const bypass = routeFiles.flatMap((f) => {
      const src = read(f);
      const exported = [...src.matchAll(/^export (?:async )?(?:function|const) (GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b(.*)$/gm)];
      return exported.filter((m) => !/^ = (authedRoute|publicRoute)\b|^ = (GET|POST);$/.test(m[2])).map((m) => `${f}#${m[1]}`);
    });
    expect(routeFiles.length).toBeGreaterThan(5);
    expect(bypass).toEqual([]);
  });

  it("has no row that points at a route or action that no longer exists", () => {
    const stale = POLICY.filter((r) => {
      if (r.kind === "page") return !pages.includes(r.target);
      if (r.kind === "route") return !routes.includes(r.target);
      const [file, name] = r.target.split("#");
      return !actionFiles.includes(file) || (name !== "*" && !actions.some((a) => a.file === file && a.name === name));
    });
    expect(stale.map((r) => r.target)).toEqual([]);
  });

  it("denies every other organisation unless the route is public or only shows the caller's own", () => {
    for (const r of POLICY) {
      if (r.anonymous === "public") expect(r.crossOrg, r.target).toBe("public");
      else expect(["deny", "own_only"], r.target).toContain(r.crossOrg);
    }
  });
});
