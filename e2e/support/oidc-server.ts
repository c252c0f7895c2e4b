import type { Server } from "node:http";
import Provider from "oidc-provider";

export const OIDC_CLIENT = { id: "plaudit-e2e", secret: "plaudit-e2e-secret" };

/**
 * A real OpenID Connect server for the single sign-on journey. Its built-in development login form takes
 * any login and password; the login typed is the account, and its email is that login, verified.
 */
export async function startOidcServer(
  port: number,
  appUrl: string,
): Promise<{ issuer: string; close: () => Promise<void> }> {
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: OIDC_CLIENT.id,
        client_secret: OIDC_CLIENT.secret,
        redirect_uris: [`${appUrl}/api/auth/callback/oidc`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    async findAccount(_ctx, id) {
      return {
        accountId: id,
        claims: () => ({ sub: id, email: id, email_verified: true, name: id.split("@")[0] }),
      };
    },
    // Like Google and Slack, put the email in the ID token itself, where Auth.js reads it.
    conformIdTokenClaims: false,
    // The journey is one sign-in; keys and cookies only need to outlive the test run.
    cookies: { keys: ["plaudit-e2e-cookie-key"] },
  });
  const server: Server = await new Promise((resolve) => {
    const listening = provider.listen(port, "127.0.0.1", () => resolve(listening));
  });
  return {
    issuer,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
