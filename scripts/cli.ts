/**
 * The operator's command line: `npm run cli -- <command>`. Exit status 0 when done, 1 when the command
 * failed (a refused request, row errors, a ledger violation), 2 for a wrong invocation or configuration.
 *
 * What a command makes (a bill, a report, "Imported ...") and why it was refused are its answer, in
 * plain text for the person at the terminal. Log lines (an unexpected failure, what the code it runs
 * logs) are JSON like the app's, on standard error, so that standard output stays the command's own.
 */
import { isDomainError } from "../core/shared/errors";
import { type Connection, connectFromEnv } from "../db/client";
import { componentLogger, logTo } from "../observability/logger";
import { billCommand } from "./cli/bill";
import { checkLedgerCommand } from "./cli/check-ledger";
import { closeBillCommand } from "./cli/close-bill";
import { type CliContext, type Command, ConfigurationError, UsageError } from "./cli/command";
import { createOrgCommand } from "./cli/create-org";
import { erasePersonCommand } from "./cli/erase-person";
import { importPeopleCommand } from "./cli/import-people";
import { liabilityCommand } from "./cli/liability";
import { migrateCommand } from "./cli/migrate";
import { seedDemoCommand } from "./cli/seed-demo";

const COMMANDS: Command[] = [
  createOrgCommand,
  importPeopleCommand,
  erasePersonCommand,
  checkLedgerCommand,
  billCommand,
  closeBillCommand,
  liabilityCommand,
  migrateCommand,
  seedDemoCommand,
];

function usageLine(command: Command): string {
  return `npm run cli -- ${command.name}${command.usage ? ` ${command.usage}` : ""}`;
}

function commandHelp(command: Command): string {
  return `usage: ${usageLine(command)}\n${command.summary}`;
}

function help(): string {
  return [
    "Usage: npm run cli -- <command> [options]",
    "",
    ...COMMANDS.flatMap((command) => [`  ${usageLine(command)}`, `      ${command.summary}`]),
    "  npm run cli -- help [command]",
    "      Show this help, or one command's.",
    "",
    "DATABASE_URL names the PostgreSQL database. Exit status: 0 done, 1 failed, 2 wrong usage or configuration.",
  ].join("\n");
}

/** Network and sign-in failures are the operator's configuration, not a bug: no stack trace for them. */
const CONNECTION_ERRORS = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "CONNECT_TIMEOUT"]);

function connectionProblem(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 3 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    // 28xxx: authentication; 3D000: no such database.
    if (
      typeof code === "string" &&
      (CONNECTION_ERRORS.has(code) || code.startsWith("28") || code === "3D000")
    ) {
      return current.message;
    }
    current = current.cause;
  }
  return undefined;
}

function isParseArgsError(error: unknown): error is Error {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && typeof code === "string" && code.startsWith("ERR_PARSE_ARGS_");
}

async function run(command: Command, args: string[]): Promise<number> {
  let connection: Connection | undefined;
  const cli: CliContext = {
    db: () => {
      if (!process.env.DATABASE_URL) {
        throw new ConfigurationError(
          "DATABASE_URL is not set; point it at the PostgreSQL database, e.g. postgres://localhost/plaudit.",
        );
      }
      connection ??= connectFromEnv("operator");
      return connection.db;
    },
  };
  try {
    return await command.run(args, cli);
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      console.error(`error: ${error.message}`);
      console.error(`usage: ${usageLine(command)}`);
      return 2;
    }
    if (error instanceof ConfigurationError) {
      console.error(`error: ${error.message}`);
      return 2;
    }
    if (isDomainError(error)) {
      console.error(`error: ${error.message}`);
      return 1;
    }
    const problem = connectionProblem(error);
    if (problem === undefined) {
      componentLogger("cli").fatal({ err: error, command: command.name }, "The command failed unexpectedly");
      return 1;
    }
    console.error(`error: cannot use the database at DATABASE_URL: ${problem}`);
    return 1;
  } finally {
    await connection?.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === "help" || name === "--help" || name === "-h") {
    const command = COMMANDS.find((candidate) => candidate.name === args[0]);
    const text = command ? commandHelp(command) : help();
    if (name === undefined) {
      console.error(text);
      return 2;
    }
    console.log(text);
    return 0;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    console.error(`error: unknown command "${name}".\n\n${help()}`);
    return 2;
  }
  if (args.includes("--help") || args.includes("-h")) {
    console.log(commandHelp(command));
    return 0;
  }
  return run(command, args);
}

logTo(2);
process.exitCode = await main(process.argv.slice(2));
