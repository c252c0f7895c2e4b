import { parseArgs } from "node:util";
import { createOrganization } from "../../core/org/create-organization";
import { isDomainError } from "../../core/shared/errors";
import { type Command, requireOption, UsageError } from "./command";

/** A field that core's validation rejects is an option the operator mistyped. */
const OPTION_OF_FIELD: Record<string, string> = {
  name: "--name",
  slug: "--slug",
  timeZone: "--time-zone",
  currency: "--currency",
  "admin.name": "--admin-name",
  "admin.email": "--admin-email",
};

export const createOrgCommand: Command = {
  name: "create-org",
  usage:
    "--name <name> --slug <slug> [--time-zone <IANA zone>] [--currency <ISO 4217>] --admin-name <name> --admin-email <email>",
  summary: "Create an organization with its first admin.",
  async run(args, cli) {
    const { values } = parseArgs({
      args,
      options: {
        name: { type: "string" },
        slug: { type: "string" },
        "time-zone": { type: "string" },
        currency: { type: "string" },
        "admin-name": { type: "string" },
        "admin-email": { type: "string" },
      },
    });
    const input = {
      name: requireOption(values, "name"),
      slug: requireOption(values, "slug"),
      timeZone: values["time-zone"],
      currency: values.currency,
      admin: { name: requireOption(values, "admin-name"), email: requireOption(values, "admin-email") },
    };
    try {
      const { orgId, adminId } = await createOrganization(cli.db(), { kind: "operator" }, input);
      console.log(`Created organization ${input.slug} (${orgId}).`);
      console.log(`Its admin ${input.admin.email} has the id ${adminId}.`);
      return 0;
    } catch (error) {
      const option = isDomainError(error, "invalid") && OPTION_OF_FIELD[String(error.details.field)];
      if (option && error instanceof Error) throw new UsageError(`${option}: ${error.message}`);
      throw error;
    }
  },
};
