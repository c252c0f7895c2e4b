import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isProviderError } from "../../core/rewards/reward-provider";
import {
  readTremendousWebhook,
  verifyTremendousSignature,
} from "../../providers/tremendous/tremendous-webhooks";

const KEY = "webhook-private-key";
const body = JSON.stringify({
  event: "REWARDS.DELIVERY.FAILED",
  uuid: "6f1c8a52-9a41-4c55-9d7e-0a6f3c1d2b11",
  created_utc: "2026-03-01T12:00:00.000Z",
  payload: { resource: { id: "REWARD12ABCD", type: "rewards" }, meta: { failure_reason: "bounced" } },
});
// Computed here, apart from the module under test, as Tremendous documents it.
const hex = createHmac("sha256", KEY).update(body).digest("hex");

describe("verifyTremendousSignature", () => {
  it("accepts the HMAC of the raw body, with or without the sha256= prefix", () => {
    expect(verifyTremendousSignature(body, `sha256=${hex}`, KEY)).toBe(true);
    expect(verifyTremendousSignature(body, hex, KEY)).toBe(true);
    expect(verifyTremendousSignature(Buffer.from(body), hex.toUpperCase(), KEY)).toBe(true);
  });

  it("refuses a forged signature, a changed body and another key", () => {
    const forged = `${hex.slice(0, -1)}${hex.endsWith("0") ? "1" : "0"}`;
    expect(verifyTremendousSignature(body, `sha256=${forged}`, KEY)).toBe(false);
    expect(verifyTremendousSignature(body.replace("FAILED", "SUCCEEDED"), hex, KEY)).toBe(false);
    expect(verifyTremendousSignature(body, hex, "another-key")).toBe(false);
  });

  it("refuses wrong lengths and garbage without throwing", () => {
    expect(verifyTremendousSignature(body, `sha256=${hex.slice(2)}`, KEY)).toBe(false);
    expect(verifyTremendousSignature(body, `sha256=${hex}00`, KEY)).toBe(false);
    expect(verifyTremendousSignature(body, "sha256=", KEY)).toBe(false);
    expect(verifyTremendousSignature(body, "z".repeat(64), KEY)).toBe(false);
    expect(verifyTremendousSignature(body, undefined, KEY)).toBe(false);
  });

  it("refuses everything when no key is configured", () => {
    const emptyKeyHex = createHmac("sha256", "").update(body).digest("hex");
    expect(verifyTremendousSignature(body, emptyKeyHex, "")).toBe(false);
  });
});

describe("readTremendousWebhook", () => {
  it("keeps the event, its uuid and the resource to read back", () => {
    expect(readTremendousWebhook(body)).toEqual({
      uuid: "6f1c8a52-9a41-4c55-9d7e-0a6f3c1d2b11",
      event: "REWARDS.DELIVERY.FAILED",
      createdAt: "2026-03-01T12:00:00.000Z",
      resource: { type: "rewards", id: "REWARD12ABCD" },
    });
  });

  it("calls resources other than orders and rewards other", () => {
    const topup = body.replace('"type":"rewards"', '"type":"funding_sources"');
    expect(readTremendousWebhook(topup).resource.type).toBe("other");
  });

  it("refuses what is not JSON or not an event, as invalid", () => {
    for (const bad of ["not json", "{}", JSON.stringify({ event: "X", uuid: "u", created_utc: "t" })]) {
      let caught: unknown;
      try {
        readTremendousWebhook(bad);
      } catch (error) {
        caught = error;
      }
      expect(isProviderError(caught, "invalid")).toBe(true);
    }
  });
});
