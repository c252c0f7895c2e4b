import type { App } from "@slack/bolt";
import { reactToRecognition } from "@/core/feed/react-to-recognition";
import { REACTIONS, type Reaction } from "@/core/feed/reactions";
import { findAnnouncedRecognition } from "@/core/slack-threads/find-announced-recognition";
import { plauditContext } from "../../plaudit-context";

/** The recognition's reaction an emoji is: Slack names a skin tone after it (`clap::skin-tone-3`). */
function reactionOf(emoji: unknown): Reaction | null {
  if (typeof emoji !== "string") return null;
  const base = emoji.split("::")[0];
  return REACTIONS.find((reaction) => reaction === base) ?? null;
}

/** The message reacted to, when it is a message: people react to files too. */
function messageOf(item: unknown): { channel: string; ts: string } | null {
  const { type, channel, ts } = (item ?? {}) as Record<string, unknown>;
  return type === "message" && typeof channel === "string" && typeof ts === "string" ? { channel, ts } : null;
}

/**
 * Reacting in Slack to a recognition's post (or to the `+N` message it answers) with one of the feed's
 * emoji reacts to the recognition; taking it back there takes it back on the web. Other emoji, and
 * reactions to any other message, stay in Slack. Both are states, so a repeated delivery changes nothing.
 */
export function registerReactionChanged(app: App): void {
  for (const type of ["reaction_added", "reaction_removed"] as const) {
    app.event(type, async ({ event, context }) => {
      const reaction = reactionOf(event.reaction);
      const message = messageOf(event.item);
      if (!reaction || !message) return;
      const slack = plauditContext(context);
      const announced = await findAnnouncedRecognition(
        slack.db,
        { kind: "system", orgId: slack.workspace.orgId },
        { channelId: message.channel, messageTs: message.ts },
      );
      if (!announced) return;
      const person = await slack.slackUser();
      if (person.status !== "linked") return;
      await reactToRecognition(slack.db, person.actor, {
        recognitionId: announced.recognitionId,
        reaction,
        on: type === "reaction_added",
        source: "slack",
      });
    });
  }
}
