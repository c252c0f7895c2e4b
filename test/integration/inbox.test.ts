import { describe, expect, it } from "vitest";
import { commentOnRecognition } from "../../core/feed/comment-on-recognition";
import { reactToRecognition } from "../../core/feed/react-to-recognition";
import { addToRecognition } from "../../core/giving/add-to-recognition";
import { givePoints } from "../../core/giving/give-points";
import { countUnread } from "../../core/inbox/count-unread";
import { listInbox } from "../../core/inbox/list-inbox";
import { markInboxRead } from "../../core/inbox/mark-inbox-read";
import { workerDatabase } from "../support/database";
import { createTestOrg, key } from "../support/factories";
import { openRewardShop } from "../support/redemptions";

const database = workerDatabase();

describe("a person's notifications", () => {
  it("tells of recognitions, add-ons, comments, reactions and redemptions by others, unread until seen", async () => {
    const { db } = await database();
    const org = await createTestOrg(db, { defaultMonthlyAllowance: 100 });
    const [ana, ben, cy] = await org.addPeople(3);
    if (!ana || !ben || !cy) throw new Error("people not created");
    const { recognitionId } = await givePoints(db, ben.actor, {
      recipientIds: [ana.id],
      amount: 10,
      message: "Great demo",
      source: "web",
      idempotencyKey: key(),
    });
    await commentOnRecognition(db, cy.actor, { recognitionId, body: "Agreed!", idempotencyKey: key() });
    // Her own comment and reaction are no news to her.
    await commentOnRecognition(db, ana.actor, { recognitionId, body: "Thanks all", idempotencyKey: key() });
    await reactToRecognition(db, ana.actor, { recognitionId, reaction: "heart", on: true });
    await reactToRecognition(db, cy.actor, { recognitionId, reaction: "clap", on: true });
    expect(await countUnread(db, ana.actor)).toEqual({ unread: 3 });
    // Ben gave it: both comments and the reactions, Ana's included, are news to him; the reactions to one
    // recognition are one piece of news.
    expect(await countUnread(db, ben.actor)).toEqual({ unread: 3 });
    const reactions = (await listInbox(db, ben.actor)).events.filter((event) => event.kind === "reaction");
    expect(reactions.map(({ actor, detail, others }) => ({ actor: actor?.name, detail, others }))).toEqual([
      { actor: cy.name, detail: "clap,heart", others: 1 },
    ]);

    await markInboxRead(db, ana.actor, () => new Date(Date.now() + 1000));
    expect(await countUnread(db, ana.actor)).toEqual({ unread: 0 });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await addToRecognition(
      db,
      cy.actor,
      { recognitionId, amount: 5, idempotencyKey: key() },
      undefined,
      null,
    );
    const shop = await openRewardShop(db, org);
    const redemption = await shop.redeem(ana, 10);
    await shop.fulfil(redemption);

    const { events } = await listInbox(db, ana.actor);
    expect(events.map((event) => [event.kind, event.actor?.name ?? null, event.unread])).toEqual([
      ["redemption", null, true],
      ["add_on", cy.name, true],
      ["reaction", cy.name, false],
      ["comment", cy.name, false],
      ["received", ben.name, false],
    ]);
    expect(events[1]?.points).toBe(5);
    expect(events[2]).toMatchObject({ detail: "clap", others: 0 });
    expect(await countUnread(db, ana.actor)).toEqual({ unread: 2 });
    // Another org's person sees none of it.
    const stranger = await (await createTestOrg(db)).addPerson();
    expect((await listInbox(db, stranger.actor)).events).toEqual([]);
  });

  it("tells whoever decides redemptions of those waiting for approval, for as long as they wait", async () => {
    const { db } = await database();
    const org = await createTestOrg(db, { defaultMonthlyAllowance: 100 });
    const [ana, ben] = await org.addPeople(2);
    if (!ana || !ben) throw new Error("people not created");
    await givePoints(db, ben.actor, {
      recipientIds: [ana.id],
      amount: 50,
      message: "Great quarter",
      source: "web",
      idempotencyKey: key(),
    });
    const shop = await openRewardShop(db, org);
    const lunch = await shop.addReward(40, { name: "Lunch with the CEO", requiresApproval: true });
    await shop.redeem(ana, lunch);

    const { events } = await listInbox(db, org.admin.actor);
    expect(events.map((event) => [event.kind, event.actor?.name, event.detail])).toEqual([
      ["approval", ana.name, "Lunch with the CEO"],
    ]);
    expect((await listInbox(db, ben.actor)).events.map((event) => event.kind)).toEqual([]);
  });
});
