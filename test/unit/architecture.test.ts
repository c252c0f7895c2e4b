import { execFile } from "node:child_process";
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const biome = path.join(root, "node_modules/.bin/biome");

/** Imports planted in a folder, each marked with whether the folder may make it. */
interface Plant {
  folder: string;
  imports: { from: string; allowed: boolean }[];
}

const PLANTS: Plant[] = [
  {
    folder: "core/giving",
    imports: [
      { from: "next/server", allowed: false },
      { from: "next", allowed: false },
      { from: "react", allowed: false },
      { from: "next-auth", allowed: false },
      { from: "@slack/bolt", allowed: false },
      { from: "../../app/_lib/viewer", allowed: false },
      { from: "@/app/_lib/viewer", allowed: false },
      { from: "../../slack/app", allowed: false },
      { from: "../../scripts/start", allowed: false },
      { from: "../../bench/harness", allowed: false },
      { from: "../../test/support/database", allowed: false },
      { from: "../../providers/reward-providers", allowed: false },
      { from: "@/providers/tremendous/tremendous-provider", allowed: false },
      { from: "../../db/client", allowed: true },
      { from: "../shared/errors", allowed: true },
      { from: "../slack-identity/find-slack-workspace", allowed: true },
      { from: "drizzle-orm", allowed: true },
    ],
  },
  {
    folder: "db",
    imports: [
      { from: "../core/shared/errors", allowed: false },
      { from: "@/core/shared/errors", allowed: false },
      { from: "../app/_lib/viewer", allowed: false },
      { from: "../slack/app", allowed: false },
      { from: "./schema", allowed: true },
      { from: "drizzle-orm", allowed: true },
    ],
  },
  {
    folder: "slack/listeners",
    imports: [
      { from: "next/server", allowed: false },
      { from: "next", allowed: false },
      { from: "../../app/_lib/viewer", allowed: false },
      { from: "@/app/_lib/error-status", allowed: false },
      { from: "../app", allowed: true },
      { from: "@slack/bolt", allowed: true },
      { from: "@/core/giving/give-points", allowed: true },
    ],
  },
  {
    folder: "providers/tremendous",
    imports: [
      { from: "next/server", allowed: false },
      { from: "../../app/_lib/viewer", allowed: false },
      { from: "@/slack/app", allowed: false },
      { from: "../../scripts/start", allowed: false },
      { from: "../../db/client", allowed: false },
      { from: "../../testing/fake-slack", allowed: false },
      { from: "../../core/rewards/reward-provider", allowed: true },
      { from: "../../core/shared/money", allowed: true },
      { from: "../decimal-amounts", allowed: true },
      { from: "tremendous", allowed: true },
    ],
  },
  {
    folder: "observability",
    imports: [
      { from: "next/server", allowed: false },
      { from: "next", allowed: false },
      { from: "@slack/bolt", allowed: false },
      { from: "../app/_lib/viewer", allowed: false },
      { from: "@/slack/app", allowed: false },
      { from: "../scripts/worker", allowed: false },
      { from: "../core/shared/errors", allowed: false },
      { from: "@/db/client", allowed: false },
      { from: "../providers/reward-providers", allowed: false },
      { from: "./logger", allowed: true },
      { from: "pino", allowed: true },
      { from: "prom-client", allowed: true },
    ],
  },
  {
    folder: "bench",
    imports: [
      { from: "../test/support/database", allowed: false },
      { from: "@/test/support/giving", allowed: false },
      { from: "../testing/fake-slack", allowed: true },
      { from: "../core/giving/give-points", allowed: true },
    ],
  },
];

/** The source of a planted file: line N + 1 imports `imports[N]`. */
function plantedSource(plant: Plant): string {
  const lines = plant.imports.map(({ from }, index) => `import * as imported${index} from "${from}";`);
  const names = plant.imports.map((_, index) => `imported${index}`).join(", ");
  return `${lines.join("\n")}\nexport const all = [${names}];\n`;
}

/** Each `folder:line` the linter reports a restricted import at, from its GitHub Actions output. */
function restrictedImportsIn(output: string, scratch: string): string[] {
  const found = output.matchAll(/^::error title=lint\/style\/noRestrictedImports,file=([^,]+),line=(\d+)/gm);
  return Array.from(found, ([, file = "", line]) => `${path.relative(scratch, path.dirname(file))}:${line}`);
}

describe("the import boundaries of docs/architecture.md", () => {
  // A scratch copy of the repository's own biome.json, so planting files never races other tests.
  let scratch: string;
  beforeAll(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), "plaudit-boundaries-"));
    await copyFile(path.join(root, "biome.json"), path.join(scratch, "biome.json"));
    for (const plant of PLANTS) {
      await mkdir(path.join(scratch, plant.folder), { recursive: true });
      await writeFile(path.join(scratch, plant.folder, "planted.ts"), plantedSource(plant));
    }
  });
  afterAll(() => rm(scratch, { recursive: true, force: true }));

  it("fails the lint on every planted import that crosses them, and on none that doesn't", async () => {
    const lint = await promisify(execFile)(
      biome,
      [
        "lint",
        "--vcs-enabled=false",
        "--reporter=github",
        "--max-diagnostics=none",
        ...PLANTS.map((p) => p.folder),
      ],
      { cwd: scratch },
    ).then(
      () => ({ failed: false, stdout: "" }),
      (error: { stdout: string }) => ({ failed: true, stdout: error.stdout }),
    );
    expect(lint.failed).toBe(true);
    const expected = PLANTS.flatMap((plant) =>
      plant.imports.flatMap(({ allowed }, index) => (allowed ? [] : [`${plant.folder}:${index + 1}`])),
    );
    expect(restrictedImportsIn(lint.stdout, scratch).sort()).toEqual(expected.sort());
  });
});

async function coreFiles(): Promise<string[]> {
  const entries = await readdir(path.join(root, "core"), { recursive: true });
  return entries.filter((entry) => entry.endsWith(".ts")).sort();
}

const camelCase = (file: string) =>
  path.basename(file, ".ts").replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

describe("the shape of core/", () => {
  it("keeps each use case's file to its use case, so no one imports a helper from it", async () => {
    const offenders: string[] = [];
    for (const file of await coreFiles()) {
      const module: Record<string, unknown> = await import(path.join(root, "core", file));
      const useCase = camelCase(file);
      if (typeof module[useCase] !== "function") continue;
      const helpers = Object.keys(module).filter(
        (name) => name !== useCase && typeof module[name] === "function",
      );
      if (helpers.length > 0) offenders.push(`${file} also exports ${helpers.join(", ")}`);
    }
    expect(offenders).toEqual([]);
  }, 60_000); // It imports every module of core/: seconds on a busy two-core machine.

  it("takes every string and id through the shared rules of core/shared/validation.ts", async () => {
    // A bare z.string() lets a NUL byte through to PostgreSQL, which answers with an error (a 500); a bare
    // z.uuid() keeps an id's capitals, so one person named twice is not seen as one.
    const bare: string[] = [];
    for (const file of await coreFiles()) {
      if (file === "shared/validation.ts") continue;
      const source = await readFile(path.join(root, "core", file), "utf8");
      for (const match of source.matchAll(/\bz\s*\.\s*(string|uuid)\(/g)) bare.push(`${file}: ${match[0]}`);
    }
    expect(bare).toEqual([]);
  });

  it("keeps files under 250 lines unless the file says why", async () => {
    const long: string[] = [];
    for (const file of await coreFiles()) {
      const source = await readFile(path.join(root, "core", file), "utf8");
      const lines = source.split("\n").length;
      if (lines > 250 && !/Longer than 250 lines because/.test(source)) long.push(`${file}: ${lines}`);
    }
    expect(long).toEqual([]);
  });
});
