import { describe, expect, it } from "vitest";
import { appBaseUrl, configuredOrigin, originProblem } from "./base-url";

describe("the public origin for links in emails", () => {
  it("is APP_URL when it is set, without a trailing slash", () => {
    expect(appBaseUrl({ APP_URL: "https://rapport.example.org/" })).toBe("https://rapport.example.org");
    expect(appBaseUrl({ APP_URL: "https://example.org/rapport/" })).toBe("https://example.org/rapport");
  });

  it("falls back to localhost on the configured port, never to anything a request says", () => {
    expect(appBaseUrl({ PORT: "3556" })).toBe("http://localhost:3556");
    expect(appBaseUrl({})).toBe("http://localhost:3000");
    // A port that is not a number is ignored rather than spliced into a link.
    expect(appBaseUrl({ PORT: "80@evil.example" })).toBe("http://localhost:3000");
  });

  it("refuses an APP_URL that is not a plain http(s) origin", () => {
    for (const bad of ["javascript:alert(1)", "not a url", "https://user:pw@example.org", "https://example.org/?x=1", "ftp://example.org"]) {
      expect(configuredOrigin({ APP_URL: bad }), bad).toBeNull();
      expect(originProblem({ APP_URL: bad }), bad).toMatch(/APP_URL is not a usable address/);
    }
  });

  it("is required with a real database in production, and optional on the embedded default", () => {
    expect(originProblem({ DATABASE_URL: "postgres://x", NODE_ENV: "production" })).toMatch(/APP_URL is required/);
    expect(originProblem({ DATABASE_URL: "postgres://x", NODE_ENV: "production", APP_URL: "https://r.example" })).toBeNull();
    expect(originProblem({ NODE_ENV: "production" })).toBeNull();
  });
});
