import { afterEach, describe, expect, it, vi } from "vitest";
import { DEMO_LOGIN, signInOptions } from "../../app/_lib/sign-in-providers";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("signInOptions", () => {
  it("names each configured provider by the id and name Auth.js signs in with", () => {
    vi.stubEnv("PLAUDIT_DEMO_LOGIN", "1");
    vi.stubEnv("AUTH_SLACK_ID", "slack-client");
    vi.stubEnv("AUTH_SLACK_SECRET", "slack-secret");
    vi.stubEnv("AUTH_GOOGLE_ID", "");
    vi.stubEnv("AUTH_OIDC_ISSUER", "https://sso.example");
    vi.stubEnv("AUTH_OIDC_ID", "oidc-client");
    vi.stubEnv("AUTH_OIDC_SECRET", "oidc-secret");
    vi.stubEnv("AUTH_OIDC_NAME", "Okta");
    expect(signInOptions()).toEqual([
      { id: "slack", name: "Slack" },
      { id: "oidc", name: "Okta" },
      // The sign-in page leaves this one out by its id and offers the demo login's own form instead.
      { id: DEMO_LOGIN, name: "Demo login" },
    ]);
  });

  it("offers nothing when no provider is configured and the demo login is off", () => {
    for (const name of ["PLAUDIT_DEMO_LOGIN", "AUTH_SLACK_ID", "AUTH_GOOGLE_ID", "AUTH_OIDC_ISSUER"])
      vi.stubEnv(name, "");
    expect(signInOptions()).toEqual([]);
  });
});
