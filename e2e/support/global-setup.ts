import { randomBytes } from "node:crypto";
import { connect } from "../../db/client";
import { startSandboxProvider } from "../../providers/sandbox/start-sandbox-provider";
import { adminDatabaseUrl, databaseUrl } from "../../test/support/database-urls";
import { buildApp, startApp } from "../../testing/next-app";
import { APP_PORT, APP_URL, OIDC_PORT } from "./environment";
import { OIDC_CLIENT, startOidcServer } from "./oidc-server";
import { prepareDatabase } from "./server";

async function adminQuery(statement: string): Promise<void> {
  const admin = connect(adminDatabaseUrl, { max: 1 });
  try {
    await admin.sql.unsafe(statement);
  } finally {
    await admin.close();
  }
}

/**
 * One fresh seeded database, a local OpenID Connect server and the production build of the app,
 * started as `next start` serves it. Torn down after the last journey.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const database = `plaudit_e2e_${randomBytes(4).toString("hex")}`;
  await adminQuery(`create database "${database}"`);
  const oidc = await startOidcServer(OIDC_PORT, APP_URL);
  // The reward provider the demo redeems through, sending its webhooks to the app as npm start's does.
  const sandbox = await startSandboxProvider({
    apiKey: `sandbox_${randomBytes(8).toString("hex")}`,
    webhookUrl: `http://127.0.0.1:${APP_PORT}/api/webhooks/tremendous`,
  });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl(database),
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    AUTH_SECRET: randomBytes(32).toString("base64"),
    AUTH_TRUST_HOST: "true",
    AUTH_URL: APP_URL,
    PLAUDIT_DEMO_LOGIN: "1",
    AUTH_OIDC_ISSUER: oidc.issuer,
    AUTH_OIDC_ID: OIDC_CLIENT.id,
    AUTH_OIDC_SECRET: OIDC_CLIENT.secret,
    AUTH_OIDC_NAME: "Acme SSO",
    PLAUDIT_SANDBOX_URL: sandbox.apiUrl,
    PLAUDIT_SANDBOX_API_KEY: sandbox.apiKey,
    PLAUDIT_SANDBOX_WEBHOOK_KEY: sandbox.webhookKey,
    // No background work: it would close last month's bill, which a journey closes by hand.
    PLAUDIT_BACKGROUND_WORK: "0",
  };
  // The isolation journey reads ids of the demo org straight from the database.
  process.env.E2E_DATABASE_URL = env.DATABASE_URL;
  try {
    await prepareDatabase(env);
    if (process.env.E2E_SKIP_BUILD !== "1") await buildApp(env);
    const app = await startApp(APP_PORT, env);
    return async () => {
      app.kill("SIGTERM");
      await sandbox.stop();
      await oidc.close();
      await adminQuery(`drop database if exists "${database}" with (force)`);
    };
  } catch (error) {
    await sandbox.stop();
    await oidc.close();
    await adminQuery(`drop database if exists "${database}" with (force)`);
    throw error;
  }
}
