import { eq } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { organizations } from "../../db/schema";
import { DomainError } from "../shared/errors";
import type { PointValue } from "../shared/money";

export interface OrgContext {
  id: string;
  name: string;
  timeZone: string;
  pointValue: PointValue;
  valuesMode: "off" | "optional" | "required";
  /** Where recognitions given in Slack are announced; null announces them where they were given. */
  slackRecognitionChannel: string | null;
}

/**
 * The settings most use cases need to compute periods and money values, and the Slack bot to give and
 * announce. It takes the org rather than an actor: nothing here is private to anyone in the org.
 */
export async function loadOrgContext(db: Executor, orgId: string): Promise<OrgContext> {
  const [org] = await db
    .select({
      id: organizations.id,
      name: organizations.name,
      timeZone: organizations.timeZone,
      points: organizations.pointValuePoints,
      minor: organizations.pointValueMinor,
      currency: organizations.currency,
      valuesMode: organizations.valuesMode,
      slackRecognitionChannel: organizations.slackRecognitionChannel,
    })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  if (!org) throw new DomainError("not_found", "Organization not found.");
  return {
    id: org.id,
    name: org.name,
    timeZone: org.timeZone,
    pointValue: { points: org.points, minor: org.minor, currency: org.currency },
    valuesMode: org.valuesMode,
    slackRecognitionChannel: org.slackRecognitionChannel,
  };
}
