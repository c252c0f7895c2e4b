import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { faultSchema } from "./faults";
import { BOUNCE_DOMAIN } from "./sandbox-orders";
import { startSandboxProvider } from "./start-sandbox-provider";

/**
 * `npm run provider:sandbox [-- --port 4010 --host 127.0.0.1 --state-file F --webhook-url URL]`: the
 * sandbox provider for demos and local development. Flags win over the environment:
 * PLAUDIT_SANDBOX_PORT (4010), PLAUDIT_SANDBOX_HOST (127.0.0.1), PLAUDIT_SANDBOX_STATE_FILE
 * (.data/provider-sandbox.json), PLAUDIT_SANDBOX_WEBHOOK_URL (none), PLAUDIT_SANDBOX_API_KEY and
 * PLAUDIT_SANDBOX_WEBHOOK_KEY (random when unset), PLAUDIT_SANDBOX_BALANCE_MINOR (500000, US cents),
 * PLAUDIT_SANDBOX_EMAIL_DELIVERY_MS (1500: long enough to see a delivery pending).
 */
const env = process.env;
const { values: flags } = parseArgs({
  options: {
    port: { type: "string" },
    host: { type: "string" },
    "state-file": { type: "string" },
    "webhook-url": { type: "string" },
  },
});

function whole(text: string | undefined, fallback: number, name: string): number {
  if (text === undefined || text === "") return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 0)
    throw new Error(`${name} must be a whole number, not ${text}.`);
  return value;
}

const sandbox = await startSandboxProvider({
  port: whole(flags.port ?? env.PLAUDIT_SANDBOX_PORT, 4010, "the port"),
  host: flags.host ?? env.PLAUDIT_SANDBOX_HOST ?? "127.0.0.1",
  apiKey: env.PLAUDIT_SANDBOX_API_KEY || `sandbox_${randomBytes(16).toString("hex")}`,
  webhookUrl: flags["webhook-url"] ?? env.PLAUDIT_SANDBOX_WEBHOOK_URL,
  webhookKey: env.PLAUDIT_SANDBOX_WEBHOOK_KEY || undefined,
  stateFile: flags["state-file"] ?? env.PLAUDIT_SANDBOX_STATE_FILE ?? ".data/provider-sandbox.json",
  balanceMinor: whole(env.PLAUDIT_SANDBOX_BALANCE_MINOR, 500_000, "PLAUDIT_SANDBOX_BALANCE_MINOR"),
  emailDeliveryMs: whole(env.PLAUDIT_SANDBOX_EMAIL_DELIVERY_MS, 1500, "PLAUDIT_SANDBOX_EMAIL_DELIVERY_MS"),
});

console.log(`Sandbox reward provider (Tremendous API v2 subset) at ${sandbox.url}
Point Plaudit at it with:
  PLAUDIT_SANDBOX_URL=${sandbox.apiUrl}
  PLAUDIT_SANDBOX_API_KEY=${sandbox.apiKey}
Webhook signing key: ${sandbox.webhookKey}
Faults: POST ${sandbox.url}/sandbox/faults {"fault": ${faultSchema.shape.fault.options.join(" | ")}, "times"?: n}
Emails to any address @${BOUNCE_DOMAIN} fail to deliver.`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void sandbox.stop().then(() => process.exit(0));
  });
}
