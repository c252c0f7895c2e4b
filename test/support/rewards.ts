import { grantPoints } from "../../core/giving/grant-points";
import type { RewardDeps } from "../../core/rewards/order-placement";
import { syncRewardCatalog } from "../../core/rewards/sync-reward-catalog";
import {
  type UpdateRewardSettingsInput,
  updateRewardSettings,
} from "../../core/rewards/update-reward-settings";
import type { Database } from "../../db/client";
import { key, type TestOrg, type TestPerson } from "./factories";
import { SANDBOX_API_KEY, type SandboxFixture } from "./provider-sandbox";

/** The variables that point the app's reward factory (`rewardDeps()`) at the test file's sandbox. */
export function sandboxEnvironment(fixture: SandboxFixture): Record<string, string> {
  return { PLAUDIT_SANDBOX_URL: fixture.sandbox.apiUrl, PLAUDIT_SANDBOX_API_KEY: SANDBOX_API_KEY };
}

/** What the reward use cases need to reach the test file's sandbox. */
export function sandboxDeps(fixture: SandboxFixture): RewardDeps {
  return { providers: () => fixture.adapter() };
}

/**
 * Opens the org's rewards as its admin would on Admin > Rewards: redemptions switched on (with any other
 * settings given), and the sandbox's catalog synced in.
 */
export async function openRewards(
  db: Database,
  org: TestOrg,
  deps: RewardDeps,
  settings: UpdateRewardSettingsInput = {},
): Promise<void> {
  await updateRewardSettings(db, org.admin.actor, { redemptionsEnabled: true, ...settings });
  await syncRewardCatalog(db, org.admin.actor, deps);
}

/** Pays points into a person's earned balance, as a spot award from the company. */
export async function earn(db: Database, org: TestOrg, person: TestPerson, points: number): Promise<void> {
  await grantPoints(db, org.admin.actor, {
    recipientIds: [person.id],
    amount: points,
    message: "Spot award",
    idempotencyKey: key(),
  });
}
