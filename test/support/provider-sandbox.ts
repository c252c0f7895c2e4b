import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach } from "vitest";
import {
  type OrderRequest,
  ProviderError,
  type ProviderErrorKind,
  type RewardProvider,
} from "../../core/rewards/reward-provider";
import { type ProviderEnvironment, rewardProviders } from "../../providers/reward-providers";
import {
  type SandboxProvider,
  type SandboxProviderOptions,
  startSandboxProvider,
} from "../../providers/sandbox/start-sandbox-provider";
import { startWebhookReceiver, type WebhookReceiver } from "./webhook-receiver";

/** Distinctive, so a test can search every error for it. */
export const SANDBOX_API_KEY = "sbx_test_8c1f_DO_NOT_LEAK_e27d";

export interface SandboxFixture {
  sandbox: SandboxProvider;
  webhooks: WebhookReceiver;
  /** The adapter for this sandbox; `environment` adds to or overrides its variables. */
  adapter(environment?: ProviderEnvironment): RewardProvider;
}

/** The adapter the app builds for a `{provider: "sandbox"}` connection, pointed at `apiUrl`. */
export function sandboxAdapter(apiUrl: string, environment: ProviderEnvironment = {}): RewardProvider {
  return rewardProviders({
    PLAUDIT_SANDBOX_URL: apiUrl,
    PLAUDIT_SANDBOX_API_KEY: SANDBOX_API_KEY,
    ...environment,
  })({ provider: "sandbox" });
}

/**
 * One sandbox provider (and a receiver for its webhooks) for a test file, reset to an empty state
 * with $5,000 and no faults before each test.
 */
export function sandboxProviderFixture(options: Partial<SandboxProviderOptions> = {}): SandboxFixture {
  const fixture = {
    adapter: (environment) => sandboxAdapter(fixture.sandbox.apiUrl, environment),
  } as SandboxFixture;
  beforeAll(async () => {
    fixture.webhooks = await startWebhookReceiver();
    fixture.sandbox = await startSandboxProvider({
      apiKey: SANDBOX_API_KEY,
      webhookUrl: fixture.webhooks.url,
      ...options,
    });
  });
  beforeEach(() => fixture.sandbox.reset());
  afterAll(async () => {
    await fixture.sandbox?.stop();
    await fixture.webhooks?.close();
  });
  return fixture;
}

/** A $25 Starbucks card by email to a fresh external id; override any field. */
export function orderRequest(overrides: Partial<OrderRequest> = {}): OrderRequest {
  return {
    externalId: `redemption-${randomUUID()}`,
    productId: "SBUXUS000001",
    faceValueMinor: 2500,
    currency: "USD",
    recipient: { name: "Ana Lima", email: "ana@example.com" },
    delivery: "email",
    fundingSourceId: "balance",
    ...overrides,
  };
}

/** Awaits `promise`, expects a ProviderError of `kind`, and returns it. */
export async function expectProviderError(
  promise: Promise<unknown>,
  kind: ProviderErrorKind,
): Promise<ProviderError> {
  let caught: unknown = "no error at all";
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  if (caught instanceof ProviderError && caught.kind === kind) return caught;
  const got = caught instanceof ProviderError ? `${caught.kind} (${caught.message})` : String(caught);
  throw new Error(`expected a ProviderError "${kind}", got ${got}`);
}
