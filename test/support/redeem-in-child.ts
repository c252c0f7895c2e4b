/**
 * A process of its own that requests one redemption the way the app does, for the crash tests to kill
 * while it waits on the provider. Run with `node --import tsx` (one process, so SIGKILL reaches it);
 * it reads the database, the actor and the input from its environment, and the sandbox as the app does.
 */
import { requestRedemption } from "../../core/rewards/request-redemption";
import { connect } from "../../db/client";
import { rewardProviders } from "../../providers/reward-providers";

const { REDEEM_DATABASE_URL, REDEEM_ACTOR, REDEEM_INPUT } = process.env;
if (!REDEEM_DATABASE_URL || !REDEEM_ACTOR || !REDEEM_INPUT) {
  throw new Error("Set REDEEM_DATABASE_URL, REDEEM_ACTOR and REDEEM_INPUT.");
}
const connection = connect(REDEEM_DATABASE_URL, { max: 2 });
try {
  const result = await requestRedemption(connection.db, JSON.parse(REDEEM_ACTOR), JSON.parse(REDEEM_INPUT), {
    providers: rewardProviders(process.env),
  });
  console.log(JSON.stringify(result.redemption.status));
} finally {
  await connection.close();
}
