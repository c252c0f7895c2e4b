import { describe, expect, it } from "vitest";
import { listFeed } from "../../core/feed/list-feed";
import { reactToRecognition } from "../../core/feed/react-to-recognition";
import { givePoints } from "../../core/giving/give-points";
import { deactivatePerson } from "../../core/people/deactivate-person";
import { expectDomainError } from "../support/assertions";
import { workerDatabase } from "../support/database";
import { createTestOrg, key } from "../support/factories";
import { expectRefusedWithoutWrites } from "../support/footprint";

const database = workerDatabase();

async function setup() {
  const { db } = await database();
  const org = await createTestOrg(db);
  const [giver, ana, ben, cy] = await org.addPeople(4);
  if (!giver || !ana || !ben || !cy) throw new Error("people not created");
  const { recognitionId } = await givePoints(db, giver.actor, {
    recipientIds: [ana.id],
    amount: 10,
    message: "Great demo",
    source: "web",
    idempotencyKey: key(),
  });
  return { db, org, giver, ana, ben, cy, recognitionId };
}

describe("reactions to a recognition", () => {
  it("counts each person's reaction once, marks the viewer's own, and takes one back", async () => {
    const { db, ana, ben, cy, recognitionId } = await setup();
    await reactToRecognition(db, ben.actor, { recognitionId, reaction: "clap", on: true });
    await reactToRecognition(db, ben.actor, { recognitionId, reaction: "clap", on: true });
    await reactToRecognition(db, cy.actor, { recognitionId, reaction: "clap", on: true });
    const answer = await reactToRecognition(db, ana.actor, { recognitionId, reaction: "heart", on: true });
    expect(answer.reactions).toEqual([
      { reaction: "clap", count: 2, mine: false },
      { reaction: "heart", count: 1, mine: true },
    ]);
    const taken = await reactToRecognition(db, cy.actor, { recognitionId, reaction: "clap", on: false });
    expect(taken.reactions[0]).toEqual({ reaction: "clap", count: 1, mine: false });

    const seenByBen = await listFeed(db, ben.actor, {});
    expect(seenByBen.items[0]?.reactions).toEqual([
      { reaction: "clap", count: 1, mine: true },
      { reaction: "heart", count: 1, mine: false },
    ]);
  });

  it("keeps a leaver's reaction counted, and refuses unknown reactions and other orgs' recognitions", async () => {
    const { db, org, ben, cy, recognitionId } = await setup();
    await reactToRecognition(db, ben.actor, { recognitionId, reaction: "fire", on: true });
    await deactivatePerson(db, org.admin.actor, { personId: ben.id });
    expect((await listFeed(db, cy.actor, {})).items[0]?.reactions).toEqual([
      { reaction: "fire", count: 1, mine: false },
    ]);
    await expectRefusedWithoutWrites(db, [org.id], "invalid", () =>
      reactToRecognition(db, cy.actor, { recognitionId, reaction: "thumbsdown" as "clap", on: true }),
    );
    const other = await createTestOrg(db);
    const stranger = await other.addPerson();
    await expectDomainError(
      reactToRecognition(db, stranger.actor, { recognitionId, reaction: "clap", on: true }),
      "not_found",
    );
    await expectDomainError(
      reactToRecognition(db, org.system, { recognitionId, reaction: "clap", on: true }),
      "forbidden",
    );
  });
});
