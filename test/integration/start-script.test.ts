import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { databaseUrl } from "../support/database-urls";

const root = path.resolve(import.meta.dirname, "../..");
const tsx = path.join(root, "node_modules", ".bin", "tsx");
const run = promisify(execFile);

/** `npm start` as an operator runs it against their own database, with `env` on top. */
async function npmStart(env: Record<string, string>): Promise<{ code: number; stderr: string }> {
  const inherited = { ...process.env };
  for (const name of ["AUTH_URL", "AUTH_TRUST_HOST", "PLAUDIT_URL"]) delete inherited[name];
  try {
    await run(tsx, ["scripts/start.ts"], {
      cwd: root,
      env: { ...inherited, DATABASE_URL: databaseUrl("plaudit_start_check"), ...env },
      timeout: 30_000,
    });
    return { code: 0, stderr: "" };
  } catch (error) {
    const failed = error as { code?: unknown; stderr?: string };
    if (typeof failed.code !== "number") throw error;
    return { code: failed.code, stderr: failed.stderr ?? "" };
  }
}

describe("npm start with a database of the operator's", () => {
  it("refuses to start without the app's public URL, before touching anything", async () => {
    const { code, stderr } = await npmStart({ AUTH_SECRET: "a-secret-for-this-test" });
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(
      "[plaudit] Sign-in needs the app's public URL: set AUTH_URL to it (e.g. https://plaudit.example.com), or AUTH_TRUST_HOST=true if a proxy you control sets the Host header.",
    );
  });
});
