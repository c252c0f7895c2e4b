import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import type { ProviderError, ProviderErrorKind } from "../../core/rewards/reward-provider";
import type { Fault } from "../../providers/sandbox/faults";
import {
  expectProviderError,
  orderRequest,
  SANDBOX_API_KEY,
  sandboxProviderFixture,
} from "../support/provider-sandbox";

// The SDK's AxiosError carries the key in `config.headers.Authorization`. Whatever the adapter throws
// must carry none of it: not in the message, the stack, its own fields or anything they point to.
const fixture = sandboxProviderFixture();
const adapter = (apiKey = SANDBOX_API_KEY) =>
  fixture.adapter({ PLAUDIT_SANDBOX_API_KEY: apiKey, PLAUDIT_PROVIDER_TIMEOUT_MS: "100" });

const WRONG_KEY = "sbx_wrong_4d2e_DO_NOT_LEAK_91ab";

/** Every way the adapter fails: the fault the sandbox is given, the call, and the kind it throws. */
const FAILURES: { fault?: Fault; call: () => Promise<unknown>; kind: ProviderErrorKind }[] = [
  { call: () => adapter(WRONG_KEY).listProducts(), kind: "unauthorized" },
  { call: () => adapter().placeOrder(orderRequest({ faceValueMinor: 2000 })), kind: "invalid" },
  { call: () => adapter().getReward("NOSUCHREWARD"), kind: "not_found" },
  {
    fault: { fault: "insufficient_funds" },
    call: () => adapter().placeOrder(orderRequest()),
    kind: "insufficient_funds",
  },
  { fault: { fault: "rate_limited" }, call: () => adapter().listFundingSources(), kind: "rate_limited" },
  {
    fault: { fault: "error_after_saving" },
    call: () => adapter().placeOrder(orderRequest()),
    kind: "transient",
  },
  { fault: { fault: "hang" }, call: () => adapter().listProducts(), kind: "transient" },
];

function everythingSaidBy(error: ProviderError): string {
  return [
    error.message,
    error.stack ?? "",
    JSON.stringify(error),
    JSON.stringify(Object.entries(error)),
    inspect(error, { depth: 20, showHidden: true, getters: true }),
  ].join("\n");
}

describe("the API key never leaves the adapter", () => {
  it.each(FAILURES.map((failure) => [failure.kind, failure] as const))(
    "is absent from the error of kind %s",
    async (_, { fault, call, kind }) => {
      if (fault) fixture.sandbox.injectFault(fault);
      const error = await expectProviderError(call(), kind);
      const said = everythingSaidBy(error);
      expect(said).not.toContain(SANDBOX_API_KEY);
      expect(said).not.toContain(WRONG_KEY);
      expect(said).not.toMatch(/authorization/i);
      // Nothing of the request rides along: no cause, config, request or response.
      expect(Object.keys(error).sort()).toEqual(["kind", "name", "retryAfterMs"]);
    },
  );
});
