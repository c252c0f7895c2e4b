import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandboxProvider } from "../../providers/sandbox/start-sandbox-provider";
import { defined } from "../support/assertions";
import { orderRequest, SANDBOX_API_KEY, sandboxAdapter } from "../support/provider-sandbox";

describe("the sandbox's state file", () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), "plaudit-sandbox-state-"));
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  it("keeps orders, links and the balance across a restart, and finishes deliveries it interrupted", async () => {
    const stateFile = path.join(folder, "nested", "provider-sandbox.json");
    // An email that takes a minute: it is still pending when the first server stops.
    const first = await startSandboxProvider({ apiKey: SANDBOX_API_KEY, stateFile, emailDeliveryMs: 60_000 });
    const byLink = await sandboxAdapter(first.apiUrl).placeOrder(orderRequest({ delivery: "link" }));
    const byEmailRequest = orderRequest();
    const byEmail = await sandboxAdapter(first.apiUrl).placeOrder(byEmailRequest);
    expect(byEmail.reward?.deliveryStatus).toBe("pending");
    await first.stop();
    expect(JSON.parse(await readFile(stateFile, "utf8"))).toMatchObject({ balanceMinor: 495_000 });

    const second = await startSandboxProvider({ apiKey: SANDBOX_API_KEY, stateFile });
    try {
      const adapter = sandboxAdapter(second.apiUrl);
      expect(second.orders().map((order) => order.id)).toEqual([byLink.id, byEmail.id]);
      expect(await adapter.findOrder(byEmailRequest.externalId)).toMatchObject({ id: byEmail.id });
      expect((await adapter.listFundingSources())[0]?.availableMinor).toBe(495_000);
      expect((await adapter.getReward(defined(byEmail.reward?.id, "reward"))).deliveryStatus).toBe(
        "succeeded",
      );
      // The first server's port is gone; the link's token still opens the reward on the new one.
      const token = new URL(defined(byLink.reward?.link, "link")).pathname;
      expect((await fetch(`${second.url}${token}`)).status).toBe(200);
    } finally {
      await second.stop();
    }
  });
});
