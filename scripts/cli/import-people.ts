import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import type { ImportPeopleResult } from "../../core/people/import/types";
import { importPeople } from "../../core/people/import-people";
import { type Command, requireOption, UsageError } from "./command";
import { orgIdBySlug } from "./org";

/** `file:line: message`, the form editors and terminals turn into links. */
function problems(file: string, result: ImportPeopleResult): string[] {
  const at = (line: number | null) => (line === null ? `${file}:` : `${file}:${line}:`);
  return [
    ...result.fileErrors.map((error) => `${at(error.line)} ${error.message}`),
    ...result.rows.flatMap((row) =>
      row.errors.map((error) => `${at(row.line)} ${error.column ? `${error.column}: ` : ""}${error.message}`),
    ),
  ];
}

export const importPeopleCommand: Command = {
  name: "import-people",
  usage: "--org <slug> [--dry-run] <file.csv>",
  summary:
    "Create and update an organization's people from a CSV file; nothing is written if any row is wrong.",
  async run(args, cli) {
    const { values, positionals } = parseArgs({
      args,
      options: { org: { type: "string" }, "dry-run": { type: "boolean" } },
      allowPositionals: true,
    });
    const slug = requireOption(values, "org");
    const [file, ...extra] = positionals;
    if (!file || extra.length > 0) throw new UsageError("Name exactly one CSV file.");
    const csv = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
      throw new UsageError(
        `Cannot read ${file}: ${error.code === "ENOENT" ? "no such file" : error.message}.`,
      );
    });

    const db = cli.db();
    const orgId = await orgIdBySlug(db, slug);
    const dryRun = values["dry-run"] === true;
    const result = await importPeople(db, { kind: "operator" }, { orgId, csv, dryRun });
    const errors = problems(file, result);
    for (const line of errors) console.error(line);
    if (errors.length > 0) {
      const { withErrors, rows } = result.totals;
      console.error(
        withErrors > 0
          ? `${withErrors} of ${rows} rows have errors; nothing was written.`
          : "Nothing was written.",
      );
      return 1;
    }
    const { create, update, unchanged } = result.totals;
    if (dryRun) {
      for (const row of result.rows) {
        if (row.action !== "unchanged") console.log(`${file}:${row.line}: would ${row.action} ${row.email}`);
      }
      console.log(
        `Dry run: would create ${create}, update ${update}, leave ${unchanged} unchanged; nothing was written.`,
      );
    } else {
      console.log(`Imported ${file}: created ${create}, updated ${update}, left ${unchanged} unchanged.`);
    }
    return 0;
  },
};
