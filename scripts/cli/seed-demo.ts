import { randomBytes } from "node:crypto";
import path from "node:path";
import { parseArgs } from "node:util";
import { rewardProviders } from "../../providers/reward-providers";
import { startSandboxProvider } from "../../providers/sandbox/start-sandbox-provider";
import { seedDemo } from "../seed-demo/seed-demo";
import type { Command } from "./command";

/**
 * The demo's redemptions are placed with the built-in sandbox provider: the one named by
 * PLAUDIT_SANDBOX_URL, or else one started for the seed alone, keeping its orders in the file that
 * `npm run provider:sandbox` serves by default.
 */
async function sandboxProviders() {
  const configured = process.env.PLAUDIT_SANDBOX_URL && process.env.PLAUDIT_SANDBOX_API_KEY;
  if (configured) return { providers: rewardProviders(), stop: async () => {} };
  const sandbox = await startSandboxProvider({
    apiKey: `sandbox_${randomBytes(16).toString("hex")}`,
    stateFile: path.resolve(".data", "provider-sandbox.json"),
  });
  const providers = rewardProviders({
    ...process.env,
    PLAUDIT_SANDBOX_URL: sandbox.apiUrl,
    PLAUDIT_SANDBOX_API_KEY: sandbox.apiKey,
  });
  return { providers, stop: () => sandbox.stop() };
}

export const seedDemoCommand: Command = {
  name: "seed-demo",
  usage: "",
  summary: "Create the Acme demo organization: people, values, three months of recognition and redemptions.",
  async run(args, cli) {
    parseArgs({ args, options: {} });
    const sandbox = await sandboxProviders();
    try {
      const demo = await seedDemo(cli.db(), undefined, sandbox.providers);
      if (demo.alreadySeeded) {
        console.log(`The demo organization ${demo.slug} is already seeded; nothing was written.`);
      } else {
        console.log(
          `Seeded the demo organization ${demo.slug} (${demo.orgId}): ${demo.people} people, ${demo.recognitions} recognitions.`,
        );
      }
      console.log(`Sign in as ${demo.adminEmail} to see it as an admin.`);
      return 0;
    } finally {
      await sandbox.stop();
    }
  },
};
