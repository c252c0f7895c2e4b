import type { Metadata } from "next";
import { PageHeader } from "@/app/_components/page-header";
import { guarded } from "@/app/_lib/page-guard";
import { requestOrigin } from "@/app/_lib/request-origin";
import { rewardDeps } from "@/app/_lib/reward-deps";
import { signedIn } from "@/app/_lib/viewer";
import { getRewardSettings } from "@/core/rewards/get-reward-settings";
import { testProviderConnection } from "@/core/rewards/test-provider-connection";
import { formatInZone } from "../_components/format-time";
import { RewardsTabs } from "./_components/rewards-tabs";
import { connectionCheck } from "./connection-check";
import { ConnectionForm } from "./connection-form";
import { COMMON_COUNTRIES, countryName } from "./countries";
import { OfferForm } from "./offer-form";
import { RedemptionRulesForm } from "./redemption-rules-form";

export const metadata: Metadata = { title: "Reward settings · Admin · Plaudit" };

/** Where Tremendous sends its webhooks; the route verifies them with the webhook key saved here. */
const WEBHOOK_PATH = "/api/webhooks/tremendous";

export default async function RewardSettingsPage() {
  const { db, actor, org } = await signedIn();
  const settings = await guarded(getRewardSettings(db, actor));
  // Not awaited: the funding sources stream in when the provider answers, the rest of the page doesn't wait.
  const savedConnection = connectionCheck(
    { provider: settings.provider, environment: settings.environment },
    testProviderConnection(db, actor, {}, rewardDeps()),
  );
  // Named here, so the names are the server's whatever the browser's own list says.
  const countries = COMMON_COUNTRIES.map((code) => ({ code, name: countryName(code) ?? code }));
  return (
    <>
      <RewardsTabs current="settings" />
      <PageHeader
        title="Reward settings"
        description="Whether people can redeem their earned points, the provider that sends gift cards and donations, and what is offered. Every change is recorded in the audit log."
      />
      <div className="space-y-6">
        <RedemptionRulesForm
          enabled={settings.redemptionsEnabled}
          approvalThreshold={settings.approvalThreshold}
          pointValue={org.pointValue}
        />
        <ConnectionForm
          settings={settings}
          savedConnection={savedConnection}
          webhookUrl={`${await requestOrigin()}${WEBHOOK_PATH}`}
        />
        <OfferForm
          settings={settings}
          countries={countries}
          currency={org.pointValue.currency}
          syncedAt={settings.catalogSyncedAt ? formatInZone(settings.catalogSyncedAt, org.timeZone) : null}
        />
      </div>
    </>
  );
}
