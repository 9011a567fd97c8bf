// A real OpenID Connect provider (the oidc-provider package) for tests/e2e/sso.spec.ts, started
// as a child process on 127.0.0.1. Configuration comes as JSON in IDP_CONFIG:
// { port?, redirectUri, clients: [{ id, secret }], accounts: { <login>: { email, name, amr?, acr? } } }.
// port 0 or absent: a free port. amr/acr: what the provider reports about how the account signed
// in (RFC 8176), e.g. ["pwd", "mfa"] after a second factor; absent: nothing is reported.
// It prints "ISSUER <url>" once listening. Test use only: http issuer, development interactions
// (a login form that accepts any password), and consent granted up front for every client.
import http from "node:http";
import Provider from "oidc-provider";

const config = JSON.parse(process.env.IDP_CONFIG ?? "{}");
const server = http.createServer();
await new Promise((resolve, reject) => {
  server.once("error", reject);
  server.listen(Number(config.port ?? 0), "127.0.0.1", resolve);
});
const { port } = server.address();
const issuer = `http://127.0.0.1:${port}`;

const provider = new Provider(issuer, {
  clients: config.clients.map((c) => ({
    client_id: c.id,
    client_secret: c.secret,
    redirect_uris: [config.redirectUri],
    grant_types: ["authorization_code"],
    response_types: ["code"],
    token_endpoint_auth_method: "client_secret_post",
  })),
  // amr and acr with the openid scope, so they reach the ID token (oidc-provider drops claims no scope maps).
  claims: { openid: ["sub", "amr", "acr"], email: ["email", "email_verified"], profile: ["name"] },
  cookies: { keys: ["rapport-e2e-idp-cookie-key-0123456789"] },
  pkce: { required: () => true },
  // Put the email in the ID token itself, as Entra ID and Google do (oidc-provider otherwise keeps it for userinfo).
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: true } },
  async findAccount(_ctx, id) {
    const account = config.accounts[id];
    if (!account) return undefined;
    return { accountId: id, claims: async () => ({ sub: id, email: account.email, email_verified: true, name: account.name }) };
  },
  // First-party test clients: no consent screen (oidc-provider's documented recipe).
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope("openid email profile");
    grant.addOIDCClaims(["email", "email_verified", "name"]);
    await grant.save();
    return grant;
  },
});
// The development login form finishes with only the account id; the account's configured amr and
// acr are added here, as a real provider records how the person authenticated.
const finish = provider.interactionFinished.bind(provider);
provider.interactionFinished = (req, res, result, options) => {
  const account = result?.login ? config.accounts[result.login.accountId] : undefined;
  if (account?.amr) result.login.amr = account.amr;
  if (account?.acr) result.login.acr = account.acr;
  return finish(req, res, result, options);
};
server.on("request", provider.callback());
process.stdout.write(`ISSUER ${issuer}\n`);
process.on("SIGTERM", () => server.close(() => process.exit(0)));
