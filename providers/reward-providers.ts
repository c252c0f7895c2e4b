import { ProviderError, type RewardProviders } from "../core/rewards/reward-provider";
import { DEFAULT_TIMEOUT_MS, TREMENDOUS_HOSTS, type TremendousSettings } from "./tremendous/tremendous-apis";
import { tremendousProvider } from "./tremendous/tremendous-provider";

/** Where the factory reads its variables (see `rewardProviders`): `process.env`, or a test's own. */
export type ProviderEnvironment = Record<string, string | undefined>;

function timeoutFrom(env: ProviderEnvironment): number {
  const configured = Number(env.PLAUDIT_PROVIDER_TIMEOUT_MS);
  return Number.isInteger(configured) && configured > 0 ? configured : DEFAULT_TIMEOUT_MS;
}

/** The built-in sandbox's address and key, from the environment the deployment started it with. */
function sandboxSettings(env: ProviderEnvironment): TremendousSettings {
  const basePath = env.PLAUDIT_SANDBOX_URL;
  const apiKey = env.PLAUDIT_SANDBOX_API_KEY;
  if (!basePath || !apiKey) {
    throw new ProviderError(
      "unauthorized",
      "The built-in sandbox provider is not running: start it with `npm run provider:sandbox` and set " +
        "PLAUDIT_SANDBOX_URL and PLAUDIT_SANDBOX_API_KEY to what it prints.",
    );
  }
  return { basePath, apiKey, timeoutMs: timeoutFrom(env) };
}

/**
 * Builds the adapter for an org's provider connection. The environment is read when a provider is
 * used, never when modules load (`next build` imports them):
 * - `PLAUDIT_SANDBOX_URL`, `PLAUDIT_SANDBOX_API_KEY`: the built-in sandbox (`.../api/v2` and its key);
 * - `PLAUDIT_PROVIDER_TIMEOUT_MS`: how long one request may take (15 s by default).
 */
export function rewardProviders(env: ProviderEnvironment = process.env): RewardProviders {
  return (connection) => {
    if (connection.provider === "sandbox") return tremendousProvider(() => sandboxSettings(env));
    const { environment, apiKey } = connection;
    return tremendousProvider(() => ({
      basePath: TREMENDOUS_HOSTS[environment],
      apiKey,
      timeoutMs: timeoutFrom(env),
    }));
  };
}
