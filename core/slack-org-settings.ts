import { eq } from "drizzle-orm";
import type { Executor } from "../db/client";
import { organizations } from "../db/schema";
import { DomainError } from "./errors";
import type { PointValue } from "./money";

export interface SlackOrgSettings {
  /** Where recognitions given in Slack are announced; null announces them where they were given. */
  recognitionChannel: string | null;
  valuesMode: "off" | "optional" | "required";
  pointValue: PointValue;
}

/**
 * What the Slack bot needs from the org to give and announce points, in one query. Like loadOrgContext
 * it takes the org rather than an actor: the workspace's binding to the org is the authority here, and
 * nothing read is private to anyone in it.
 */
export async function loadSlackOrgSettings(db: Executor, orgId: string): Promise<SlackOrgSettings> {
  const [org] = await db
    .select({
      recognitionChannel: organizations.slackRecognitionChannel,
      valuesMode: organizations.valuesMode,
      points: organizations.pointValuePoints,
      minor: organizations.pointValueMinor,
      currency: organizations.currency,
    })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  if (!org) throw new DomainError("not_found", "Organization not found.");
  return {
    recognitionChannel: org.recognitionChannel,
    valuesMode: org.valuesMode,
    pointValue: { points: org.points, minor: org.minor, currency: org.currency },
  };
}
