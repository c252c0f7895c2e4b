import { parseArgs } from "node:util";
import { seedDemo } from "../seed-demo/seed-demo";
import type { Command } from "./command";

export const seedDemoCommand: Command = {
  name: "seed-demo",
  usage: "",
  summary: "Create the Acme demo organization: people, values and three months of recognition.",
  async run(args, cli) {
    parseArgs({ args, options: {} });
    const demo = await seedDemo(cli.db());
    if (demo.alreadySeeded) {
      console.log(`The demo organization ${demo.slug} is already seeded; nothing was written.`);
    } else {
      console.log(
        `Seeded the demo organization ${demo.slug} (${demo.orgId}): ${demo.people} people, ${demo.recognitions} recognitions.`,
      );
    }
    console.log(`Sign in as ${demo.adminEmail} to see it as an admin.`);
    return 0;
  },
};
