import { defineConfig } from "@playwright/test";
import { chromiumMissing, findChromium } from "./scripts/find-chromium.cjs";

// Two servers from one production build: the full suite runs against a real PostgreSQL (fixtures
// write to it directly); a smoke suite runs `npm start` itself on the embedded database.
const PG_PORT = Number(process.env.E2E_PG_APP_PORT || 3101);
const EMBEDDED_PORT = Number(process.env.E2E_EMBEDDED_APP_PORT || 3102);
const secret = process.env.E2E_AUTH_SECRET || "e2e-secret-not-for-production-0123456789";

const executablePath = findChromium();
if (!executablePath) throw new Error(chromiumMissing());

const launchOptions = {
  executablePath,
  args: ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
};

export default defineConfig({
  testDir: "tests/e2e",
  // A ceiling for a stuck test, not a speed check: two workers and two servers share two noisy
  // cores, and a multi-page walk (sign in as two people, ten navigations) has run past 60 s.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  use: { launchOptions, trace: "retain-on-failure", locale: "en-AU", timezoneId: "Australia/Sydney" },
  projects: [
    { name: "postgres", grepInvert: /@embedded-only/, use: { baseURL: `http://127.0.0.1:${PG_PORT}` } },
    { name: "embedded", grep: /@smoke/, use: { baseURL: `http://127.0.0.1:${EMBEDDED_PORT}` } },
  ],
  webServer: [
    {
      command: `node node_modules/tsx/dist/cli.mjs scripts/serve.ts`,
      url: `http://127.0.0.1:${PG_PORT}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      // Two workers sharing the port, as in production: every test also proves that nothing a
      // request needs lives in one process's memory (sessions, throttles, autosave versions).
      env: {
        DATABASE_URL: process.env.E2E_DATABASE_URL || "",
        PORT: String(PG_PORT),
        WEB_CONCURRENCY: process.env.E2E_DATABASE_URL ? "2" : "1",
        AUTH_SECRET: secret,
        AUTH_TRUST_HOST: "true",
        APP_URL: `http://127.0.0.1:${PG_PORT}`,
        RAPPORT_HSTS: "off",
        // Test-only: the identity provider tests/e2e/sso.spec.ts starts is an http://127.0.0.1 issuer.
        RAPPORT_ALLOW_HTTP_OIDC: "1",
      },
    },
    {
      command: `node scripts/launch.mjs`,
      url: `http://127.0.0.1:${EMBEDDED_PORT}/api/health`,
      reuseExistingServer: false,
      timeout: 180_000,
      env: {
        DATABASE_URL: "",
        PORT: String(EMBEDDED_PORT),
        RAPPORT_SKIP_BUILD: "1",
        RAPPORT_DATA_DIR: process.env.E2E_EMBEDDED_DATA_DIR || ".test-data/e2e-embedded",
        RAPPORT_HSTS: "off",
      },
    },
  ],
});
