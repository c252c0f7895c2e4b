import { parseArgs } from "node:util";
import { type ErasePersonResult, erasePerson } from "../../core/people/erase-person";
import { type Command, requireOption, UsageError } from "./command";
import { orgIdBySlug } from "./org";

const count = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/** "a, b and c", leaving out what is zero. */
function listOf(parts: [number, string][]): string {
  const shown = parts.filter(([n]) => n > 0).map(([, text]) => text);
  if (shown.length === 0) return "nothing";
  return shown.length === 1 ? (shown[0] ?? "") : `${shown.slice(0, -1).join(", ")} and ${shown.at(-1)}`;
}

function report(result: ErasePersonResult, email: string, slug: string): string[] {
  const { changed } = result;
  const lines = [
    `${result.dryRun ? "Dry run: would erase" : "Erased"} ${email} in ${slug}: from now on "${result.name}" <${result.email}>.`,
  ];
  if (result.deactivated) {
    lines.push(
      result.forfeited > 0
        ? `Deactivated first: ${count(result.forfeited, "earned point")} forfeited under the org's leaver policy.`
        : "Deactivated first; the org's leaver policy keeps their earned points.",
    );
  }
  lines.push(
    `Replaced: ${listOf([
      [changed.recognitionMessages, count(changed.recognitionMessages, "recognition message")],
      [changed.comments, count(changed.comments, "comment")],
      [
        changed.mentions,
        count(changed.mentions, "mention in a colleague's words", "mentions in colleagues' words"),
      ],
      [changed.ledgerMemos, count(changed.ledgerMemos, "ledger memo")],
      [changed.boostReasons, count(changed.boostReasons, "boost reason")],
      [changed.redemptions, count(changed.redemptions, "redemption snapshot")],
      [changed.auditEntries, count(changed.auditEntries, "audit entry", "audit entries")],
      [
        changed.noticesRedacted,
        count(changed.noticesRedacted, "notice to someone else", "notices to others"),
      ],
    ])}.`,
    `Removed: ${listOf([
      [changed.giftLinks, count(changed.giftLinks, "gift link")],
      [
        changed.celebrations,
        count(
          changed.celebrations,
          "birthday or anniversary celebrated",
          "birthdays and anniversaries celebrated",
        ),
      ],
      [changed.noticesRemoved, count(changed.noticesRemoved, "notice to them", "notices to them")],
      [changed.signInIdentities, count(changed.signInIdentities, "sign-in identity", "sign-in identities")],
      [changed.slackInstallations, count(changed.slackInstallations, "Slack workspace's installer")],
    ])}.`,
    `Kept: the ledger and every amount${result.billLinesKept > 0 ? `, and ${count(result.billLinesKept, "bill line")} (bills are accounting records)` : ""}.`,
  );
  lines.push(result.dryRun ? "Nothing was written." : "Recorded in the audit log. This can't be undone.");
  return lines;
}

export const erasePersonCommand: Command = {
  name: "erase-person",
  usage: "--org <slug> --email <address> (--dry-run | --yes)",
  summary:
    "Erase a person's personal data on request (name, email, ids, their words); points, the ledger and bills stay. It can't be undone: --dry-run shows what would change, --yes erases.",
  async run(args, cli) {
    const { values } = parseArgs({
      args,
      options: {
        org: { type: "string" },
        email: { type: "string" },
        "dry-run": { type: "boolean" },
        yes: { type: "boolean" },
      },
    });
    const slug = requireOption(values, "org");
    const email = requireOption(values, "email").trim();
    const dryRun = values["dry-run"] === true;
    if (dryRun && values.yes) throw new UsageError("Choose --dry-run or --yes, not both.");
    if (!dryRun && !values.yes) {
      throw new UsageError(
        "Erasing can't be undone: add --yes to erase, or --dry-run to see what would change.",
      );
    }
    const db = cli.db();
    const orgId = await orgIdBySlug(db, slug);
    // The operator typed the email: that is the confirmation the erasure asks for.
    const result = await erasePerson(db, { kind: "operator" }, { orgId, email, confirmation: email, dryRun });
    if (result.alreadyErased) {
      console.log(`${email} in ${slug} was erased on ${result.erasedAt.toISOString()}; nothing changed.`);
      return 0;
    }
    for (const line of report(result, email, slug)) console.log(line);
    return 0;
  },
};
