import { parseArgs } from "node:util";
import { runMigrations } from "../../db/migrate";
import type { Command } from "./command";

export const migrateCommand: Command = {
  name: "migrate",
  usage: "",
  summary: "Apply the database migrations that have not run yet.",
  async run(args, cli) {
    parseArgs({ args, options: {} });
    await runMigrations(cli.db());
    console.log("Migrations applied.");
    return 0;
  },
};
