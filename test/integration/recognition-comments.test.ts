import { describe, expect, it } from "vitest";
import { commentOnRecognition } from "../../core/feed/comment-on-recognition";
import { listFeed } from "../../core/feed/list-feed";
import { listRecognitionComments } from "../../core/feed/list-recognition-comments";
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
  const [giver, ana, ben] = await org.addPeople(3);
  if (!giver || !ana || !ben) throw new Error("people not created");
  const { recognitionId } = await givePoints(db, giver.actor, {
    recipientIds: [ana.id],
    amount: 10,
    message: "Great demo",
    source: "web",
    idempotencyKey: key(),
  });
  return { db, org, giver, ana, ben, recognitionId };
}

describe("comments on a recognition", () => {
  it("keeps a conversation in order, posts a retried comment once, and counts them in the feed", async () => {
    const { db, ana, ben, recognitionId } = await setup();
    await commentOnRecognition(db, ben.actor, {
      recognitionId,
      body: "  Well deserved!  ",
      idempotencyKey: "b1",
    });
    const retried = await commentOnRecognition(db, ben.actor, {
      recognitionId,
      body: "Well deserved!",
      idempotencyKey: "b1",
    });
    expect(retried.replayed).toBe(true);
    await commentOnRecognition(db, ana.actor, { recognitionId, body: "Thank you 🙏", idempotencyKey: "a1" });

    const { comments } = await listRecognitionComments(db, ben.actor, { recognitionId });
    expect(comments.map((comment) => [comment.author.name, comment.body])).toEqual([
      [ben.name, "Well deserved!"],
      [ana.name, "Thank you 🙏"],
    ]);
    expect((await listFeed(db, ben.actor, {})).items[0]?.commentCount).toBe(2);
  });

  it("keeps a leaver's comments readable, and refuses empty, over-long, reused-key and other orgs' comments", async () => {
    const { db, org, ana, ben, recognitionId } = await setup();
    await commentOnRecognition(db, ben.actor, { recognitionId, body: "Bravo", idempotencyKey: "b1" });
    await deactivatePerson(db, org.admin.actor, { personId: ben.id });
    expect((await listRecognitionComments(db, ana.actor, { recognitionId })).comments[0]?.body).toBe("Bravo");

    const refuse = (body: string, idempotencyKey = key()) =>
      expectRefusedWithoutWrites(db, [org.id], "invalid", () =>
        commentOnRecognition(db, ana.actor, { recognitionId, body, idempotencyKey }),
      );
    expect((await refuse("   ")).message).toBe("Write a comment first.");
    expect((await refuse("x".repeat(1001))).message).toBe("A comment can be at most 1,000 characters.");
    await expectRefusedWithoutWrites(db, [org.id], "idempotency_conflict", () =>
      commentOnRecognition(db, ana.actor, { recognitionId, body: "Other words", idempotencyKey: "b1" }),
    );
    const other = await createTestOrg(db);
    const stranger = await other.addPerson();
    await expectDomainError(
      commentOnRecognition(db, stranger.actor, { recognitionId, body: "Hi", idempotencyKey: key() }),
      "not_found",
    );
    await expectDomainError(listRecognitionComments(db, stranger.actor, { recognitionId }), "not_found");
  });
});
