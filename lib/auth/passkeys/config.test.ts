import { describe, expect, it } from "vitest";
import { relyingParty } from "./config";

describe("WebAuthn relying party", () => {
  it("is the configured public origin", () => {
    expect(relyingParty({ APP_URL: "https://rapport.example.org" })).toEqual({ rpID: "rapport.example.org", rpName: "Rapport", origins: ["https://rapport.example.org"] });
  });

  it("serves a loopback address as localhost, since browsers refuse IP addresses", () => {
    expect(relyingParty({ APP_URL: "http://127.0.0.1:3101" })).toEqual({ rpID: "localhost", rpName: "Rapport", origins: ["http://localhost:3101", "http://127.0.0.1:3101"] });
  });

  it("takes an explicit relying-party id and extra origins", () => {
    expect(relyingParty({ APP_URL: "https://app.rapport.example.org", WEBAUTHN_RP_ID: "rapport.example.org", WEBAUTHN_ORIGINS: "https://rapport.example.org" }).origins).toEqual([
      "https://app.rapport.example.org",
      "https://rapport.example.org",
    ]);
  });
});
