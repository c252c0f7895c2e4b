import { describe, expect, it } from "vitest";
import {
  INSTALL_STATE_TTL_MS,
  installableOAuth,
  publicOrigin,
  signInstallState,
  verifyInstallState,
} from "../../slack/install/oauth-state";
import { slackSettingsFromEnv } from "../../slack/settings";

const SECRET = "state-secret";
const STARTED = Date.parse("2026-03-01T12:00:00Z");
const WHO = {
  orgId: "9d3c6c2e-0000-4000-8000-000000000001",
  personId: "9d3c6c2e-0000-4000-8000-000000000002",
};

/** The state with one character of its payload or MAC part changed. */
function altered(state: string, part: 0 | 1): string {
  const parts = state.split(".");
  const text = parts[part] ?? "";
  parts[part] = `${text.slice(0, 3)}${text[3] === "A" ? "B" : "A"}${text.slice(4)}`;
  return parts.join(".");
}

describe("the OAuth install state", () => {
  it("carries the org and the admin back, until ten minutes have passed", () => {
    const state = signInstallState(SECRET, WHO, STARTED);
    expect(verifyInstallState(SECRET, state, STARTED)).toEqual({ ok: true, ...WHO });
    expect(verifyInstallState(SECRET, state, STARTED + INSTALL_STATE_TTL_MS - 1)).toEqual({
      ok: true,
      ...WHO,
    });
    expect(verifyInstallState(SECRET, state, STARTED + INSTALL_STATE_TTL_MS)).toEqual({
      ok: false,
      reason: "expired",
    });
    expect(INSTALL_STATE_TTL_MS).toBe(10 * 60 * 1000);
  });

  it("is safe to put in a URL as it is", () => {
    const state = signInstallState(SECRET, WHO, STARTED);
    expect(state).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(encodeURIComponent(state)).toBe(state);
  });

  it("refuses a state signed with another secret, altered, re-signed for someone else, or not a state at all", () => {
    const state = signInstallState(SECRET, WHO, STARTED);
    const forOtherOrg = signInstallState("another-secret", { ...WHO, orgId: "someone-else" }, STARTED);
    const [payloadOfOther] = forOtherOrg.split(".");
    const [, macOfOurs] = state.split(".");
    const cases = [
      signInstallState("another-secret", WHO, STARTED),
      altered(state, 0),
      altered(state, 1),
      `${payloadOfOther}.${macOfOurs}`,
      `${state}.extra`,
      state.split(".")[0] ?? "",
      "",
      "not-a-state",
      ".",
    ];
    for (const candidate of cases) {
      expect(verifyInstallState(SECRET, candidate, STARTED), candidate).toEqual({
        ok: false,
        reason: "invalid",
      });
    }
  });

  it("says a forged state is invalid, never expired, however old it claims to be", () => {
    const expiredElsewhere = signInstallState("another-secret", WHO, STARTED - 2 * INSTALL_STATE_TTL_MS);
    expect(verifyInstallState(SECRET, expiredElsewhere, STARTED)).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses a correctly signed payload that is not a state", () => {
    // Signed with the right secret by a bug elsewhere: the shape is still checked.
    const state = signInstallState(
      SECRET,
      { orgId: 42 as unknown as string, personId: WHO.personId },
      STARTED,
    );
    expect(verifyInstallState(SECRET, state, STARTED)).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("when the install is offered", () => {
  const base = { SLACK_SIGNING_SECRET: "signing", SLACK_CLIENT_ID: "1.2", SLACK_CLIENT_SECRET: "secret" };
  const offered = (env: Record<string, string>) =>
    installableOAuth(slackSettingsFromEnv({ NODE_ENV: "test", ...env }));

  it("offers it with client credentials and no bot token of the deployment's own", () => {
    expect(offered(base)).toEqual({
      clientId: "1.2",
      clientSecret: "secret",
      stateSecret: "signing",
    });
    expect(offered({ ...base, SLACK_STATE_SECRET: "state" })?.stateSecret).toBe("state");
  });

  it("does not offer it in single-workspace mode, without credentials, or without Slack", () => {
    expect(offered({ ...base, SLACK_BOT_TOKEN: "xoxb-1" })).toBeNull();
    expect(offered({ SLACK_SIGNING_SECRET: "signing" })).toBeNull();
    expect(offered({ SLACK_CLIENT_ID: "1.2", SLACK_CLIENT_SECRET: "s" })).toBeNull();
  });
});

describe("the app's public origin", () => {
  it("is the configured one (PLAUDIT_URL or AUTH_URL) when set, else the request's", () => {
    expect(publicOrigin("http://10.0.0.5:3000/api/slack/install?x=1", "https://plaudit.acme.example/")).toBe(
      "https://plaudit.acme.example",
    );
    expect(publicOrigin("http://localhost:3000/api/slack/install?x=1", undefined)).toBe(
      "http://localhost:3000",
    );
    expect(publicOrigin("http://localhost:3000/api/slack/install", "")).toBe("http://localhost:3000");
  });
});
