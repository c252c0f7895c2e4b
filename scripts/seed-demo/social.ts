import { commentOnRecognition } from "../../core/feed/comment-on-recognition";
import { listFeed } from "../../core/feed/list-feed";
import { reactToRecognition } from "../../core/feed/react-to-recognition";
import { REACTIONS } from "../../core/feed/reactions";
import type { Clock } from "../../core/shared/clock";
import type { Database } from "../../db/client";
import { STAFF } from "./org-chart";
import { prng } from "./prng";
import type { PersonActor, Staff } from "./staff";

/** How many of the newest recognitions colleagues react to and talk about. */
const RECENT = 30;

const COMMENTS = [
  "Well deserved!",
  "Couldn't agree more.",
  "This made the week so much easier, thank you.",
  "Seconded. The customer noticed too.",
  "Great work, and great to see it called out.",
  "Yes! That was a big one.",
  "Love to see this.",
];

const THANKS_BACK = "Thank you, it was a team effort.";

/**
 * Reactions and a few comments on the newest recognitions, from colleagues still at the company, so the
 * demo's feed and bell read like those of a team that uses them. Keys and choices are fixed, so a
 * resumed seed adds nothing twice.
 */
export async function reactAndComment(
  db: Database,
  admin: PersonActor,
  staff: Staff,
  clock: Clock,
): Promise<void> {
  const random = prng(0x50c1a1);
  const colleagues = STAFF.flatMap((member, index) =>
    member.leftDaysAgo === undefined ? [staff.actorAt(index)] : [],
  );
  const { items } = await listFeed(db, admin, { limit: RECENT });
  for (const item of items) {
    if (item.kind !== "recognition" || item.addedTo !== null) continue;
    // Colleagues answer within a few hours of a recognition, never later than now.
    const given = new Date(item.createdAt).getTime();
    const minutesAfter = (minutes: number): Clock => {
      const at = new Date(Math.min(given + minutes * 60_000, clock().getTime()));
      return () => at;
    };
    const reactors = new Set(Array.from({ length: random.int(0, 5) }, () => random.pick(colleagues)));
    for (const reactor of reactors) {
      const reaction = REACTIONS[random.weighted([5, 3, 3, 2, 2, 1])] ?? "clap";
      await reactToRecognition(
        db,
        reactor,
        { recognitionId: item.id, reaction, on: true },
        minutesAfter(random.int(2, 240)),
      );
    }
    const talkers = random.chance(0.35) ? random.int(1, 2) : 0;
    for (let index = 0; index < talkers; index += 1) {
      const recipient = item.recipients[0];
      // The recognized person thanks back; otherwise a colleague chimes in.
      const author =
        index === 1 && recipient
          ? (actorOf(colleagues, recipient.id) ?? random.pick(colleagues))
          : random.pick(colleagues);
      await commentOnRecognition(
        db,
        author,
        {
          recognitionId: item.id,
          body: index === 1 ? THANKS_BACK : random.pick(COMMENTS),
          idempotencyKey: `demo:comment:${item.id}:${index}`,
          source: item.source === "slack" && random.chance(0.5) ? "slack" : "web",
        },
        minutesAfter(60 * (index + 1) + random.int(0, 59)),
      );
    }
  }
}

function actorOf(colleagues: readonly PersonActor[], personId: string): PersonActor | undefined {
  return colleagues.find((colleague) => colleague.personId === personId);
}
