import type { Executor } from "../../db/client";
import { people } from "../../db/schema";
import { BOT } from "./org-chart";

/**
 * The seed's one direct write: no use case adds a bot. Admins, imports and HR syncs add humans, and
 * Slack bots are refused rather than added (resolveSlackPerson). The demo shows one all the same, so
 * that the rule about bots (nobody can thank them) can be seen and tried. Does nothing when the bot is
 * already there.
 */
export async function insertBotPersonDirectly(db: Executor, orgId: string): Promise<void> {
  await db
    .insert(people)
    .values({ orgId, name: BOT.name, email: BOT.email, isBot: true })
    .onConflictDoNothing();
}
