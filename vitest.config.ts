import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(import.meta.dirname) };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["test/unit/**/*.test.ts"], environment: "node", maxWorkers: 2 },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["test/support/global-setup.ts"],
          // The app's log lines would drown the report; a test that reads them makes a logger of its own.
          env: { PLAUDIT_LOG_LEVEL: "silent" },
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Two cores: two workers, each with its own database.
          maxWorkers: 2,
          // next-auth imports `next/server` without the extension Node's ESM resolution wants; run it
          // through Vite, which resolves it as Next.js does.
          server: { deps: { inline: ["next-auth"] } },
        },
      },
      {
        resolve: { alias },
        test: {
          name: "resilience",
          include: ["test/resilience/**/*.test.ts"],
          environment: "node",
          globalSetup: ["test/support/global-setup.ts"],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          // Each file runs app processes of its own: one at a time on two cores.
          maxWorkers: 1,
        },
      },
    ],
  },
});
