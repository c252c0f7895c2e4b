import path from "node:path";
import { root, runNode } from "../../testing/next-app";

export const OTHER_ORG_ADMIN = "Gita Globex";

const tsxBin = path.join(root, "node_modules/tsx/dist/cli.mjs");

/** The demo org Acme, plus a second org whose admin tries to reach Acme's pages in the isolation journey. */
export async function prepareDatabase(env: NodeJS.ProcessEnv): Promise<void> {
  await runNode(tsxBin, ["scripts/cli.ts", "migrate"], env);
  await runNode(tsxBin, ["scripts/cli.ts", "seed-demo"], env);
  await runNode(
    tsxBin,
    [
      "scripts/cli.ts",
      "create-org",
      ...["--name", "Globex", "--slug", "globex", "--time-zone", "Europe/Berlin", "--currency", "EUR"],
      ...["--admin-name", OTHER_ORG_ADMIN, "--admin-email", "gita.globex@globex.example"],
    ],
    env,
  );
}
