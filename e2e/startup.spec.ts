import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { nextStart, startApp } from "../testing/next-app";
import { APP_PORT } from "./support/environment";
import { expect, test } from "./support/test";

/** Beside the journeys' own server and the identity provider. */
const PORT = APP_PORT + 2;

/** The journeys' deployment, less what the operator names the app's public URL with. */
function deployment(publicUrl: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: process.env.E2E_DATABASE_URL,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    AUTH_SECRET: randomBytes(32).toString("base64"),
    PLAUDIT_BACKGROUND_WORK: "0",
    ...publicUrl,
  };
  if (!publicUrl.AUTH_URL) delete env.AUTH_URL;
  if (!publicUrl.AUTH_TRUST_HOST) delete env.AUTH_TRUST_HOST;
  return env;
}

/** How the process ended, and everything it wrote, once it exits by itself (or not within `withinMs`). */
async function ending(
  child: ChildProcess,
  withinMs: number,
): Promise<{ code: number | null; output: string }> {
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  const timer = setTimeout(() => child.kill("SIGKILL"), withinMs);
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  clearTimeout(timer);
  return { code, output };
}

test("next start without the app's public URL stops at once, saying why", async () => {
  const { code, output } = await ending(nextStart(PORT, deployment(), "pipe"), 30_000);
  expect(code, output).toBe(1);
  expect(output).toContain(
    "[plaudit] Not starting. Sign-in needs the app's public URL: set AUTH_URL to it (e.g. https://plaudit.example.com), or AUTH_TRUST_HOST=true if a proxy you control sets the Host header.",
  );
});

test("next start with AUTH_URL alone serves sign-in", async ({ request }) => {
  const app = await startApp(PORT, deployment({ AUTH_URL: `http://localhost:${PORT}` }));
  try {
    const providers = await request.get(`http://127.0.0.1:${PORT}/api/auth/providers`);
    expect(providers.status()).toBe(200);
    expect(providers.headers()["content-type"]).toContain("application/json");
  } finally {
    app.kill("SIGTERM");
  }
});
