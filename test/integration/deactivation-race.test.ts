import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { givePoints } from "../../core/giving/give-points";
import { expectDomainError } from "../support/assertions";
import { workerDatabase } from "../support/database";
import { createTestOrg, key } from "../support/factories";

const database = workerDatabase();

describe("a give racing a deactivation", () => {
  it("is refused when the recipient was deactivated while it waited for their balance", async () => {
    const { db, sql: client } = await database();
    const org = await createTestOrg(db, { leaverPolicy: "forfeit" });
    const [giver, leaver] = await org.addPeople(2);
    if (!giver || !leaver) throw new Error("people not created");
    const give = (idempotencyKey: string) =>
      givePoints(db, giver.actor, {
        recipientIds: [leaver.id],
        amount: 5,
        message: "Thanks",
        source: "web",
        idempotencyKey,
      });

    // Open the slot that the racing give's key will pick, so that the give has to wait for it.
    const slotOf = async (k: string) =>
      Number(
        (await db.execute<{ slot: number }>(sql`select (hashtextextended(${k}, 0) & 7)::int as slot`))[0]
          ?.slot,
      );
    const first = key();
    await give(first);
    let racing = key();
    while ((await slotOf(racing)) !== (await slotOf(first))) racing = key();

    // A deactivation in progress: marked inactive and holding every earned slot, as a forfeit does.
    const deactivation = await client.reserve();
    await deactivation`begin`;
    await deactivation`update people set active = false where id = ${leaver.id}`;
    await deactivation`select id from ledger_accounts where person_id = ${leaver.id} and kind = 'earned' for no key update`;

    const refused = expectDomainError(give(racing), "recipient_inactive");
    await new Promise((resolve) => setTimeout(resolve, 200));
    await deactivation`commit`;
    deactivation.release();
    await refused;

    const [earned] = await db.execute<{ total: string }>(sql`
      select sum(balance) as total from ledger_accounts where person_id = ${leaver.id}::uuid and kind = 'earned'`);
    expect(Number(earned?.total)).toBe(5);
  });
});
