"use client";

import { Suspense, useRef, useState, useTransition } from "react";
import { FormMessage, SubmitButton } from "@/app/_components/form";
import { Panel } from "@/app/_components/panel";
import { secondaryButtonClass } from "@/app/_components/styles";
import { textField } from "@/app/_lib/form-state";
import type { RewardSettingsView } from "@/core/rewards/get-reward-settings";
import { useKeptForm } from "../_components/use-kept-form";
import { ChoiceGroup } from "../settings/choice-group";
import { saveConnection, testConnection } from "./actions";
import type { CheckedConnection, ConnectionCheck } from "./connection-check";
import { CheckOutcome, FundingSourceField } from "./provider-answer";
import { SecretField } from "./secret-field";
import { WebhookUrl } from "./webhook-url";

const PROVIDERS = [
  {
    value: "sandbox",
    label: "Built-in sandbox",
    description: "Plaudit's own test provider: orders go through at once and nobody is charged.",
  },
  {
    value: "tremendous",
    label: "Tremendous",
    description: "Gift cards and donations from Tremendous, paid from your Tremendous account.",
  },
] as const;

const ENVIRONMENTS = [
  {
    value: "sandbox",
    label: "Sandbox",
    description: "Tremendous's test site: no money moves. Use a sandbox API key.",
  },
  {
    value: "production",
    label: "Production",
    description: "Real orders, paid from the funding source below. Use a production API key.",
  },
] as const;

const DELIVERY = [
  { value: "email", label: "Email", description: "The provider emails the reward to the person." },
  {
    value: "link",
    label: "Link",
    description: "Plaudit shows the person a link to open their reward; nothing is emailed.",
  },
] as const;

type Provider = CheckedConnection["provider"];
type Environment = CheckedConnection["environment"];

/**
 * How the org reaches its provider. The saved connection's answer (funding sources with their
 * balances) streams in; **Test connection** asks again with what is typed, before anything is saved.
 */
export function ConnectionForm({
  settings,
  savedConnection,
  webhookUrl,
}: {
  settings: RewardSettingsView;
  savedConnection: Promise<ConnectionCheck>;
  webhookUrl: string;
}) {
  const form = useKeptForm(saveConnection);
  const formElement = useRef<HTMLFormElement>(null);
  const [provider, setProvider] = useState<Provider>(form.kept("provider", settings.provider) as Provider);
  const [environment, setEnvironment] = useState<Environment>(
    form.kept("environment", settings.environment) as Environment,
  );
  const [tested, setTested] = useState<ConnectionCheck | null>(null);
  const [testing, startTesting] = useTransition();

  const showing = (connection: CheckedConnection) =>
    connection.provider === provider && (provider === "sandbox" || connection.environment === environment);
  // The answer about the connection the form shows: a test of it, else the saved one's if that is it.
  const answer: ConnectionCheck | Promise<ConnectionCheck> | null =
    tested && showing(tested) ? tested : showing(settings) ? savedConnection : null;

  function test() {
    const typed = new FormData(formElement.current ?? undefined);
    if (provider === "tremendous" && !settings.apiKeySet && !textField(typed, "apiKey")) {
      setTested({ provider, environment, ok: false, message: "Enter the API key first.", field: "apiKey" });
      return;
    }
    startTesting(async () => setTested(await testConnection(typed)));
  }

  return (
    <Panel
      title="Provider"
      description="Who sends the gift cards and donations people redeem, and how the company pays for them."
    >
      <form ref={formElement} action={form.action} className="space-y-5">
        <div key={form.fieldsKey} className="space-y-5">
          <ChoiceGroup
            name="provider"
            legend="Provider"
            choices={PROVIDERS}
            defaultValue={provider}
            error={form.error("provider")}
            onChange={setProvider}
          />
          {provider === "tremendous" ? (
            <div className="space-y-5 rounded-lg border border-stone-200 bg-stone-50 p-4">
              <ChoiceGroup
                name="environment"
                legend="Environment"
                choices={ENVIRONMENTS}
                defaultValue={environment}
                error={form.error("environment")}
                onChange={setEnvironment}
              />
              <SecretField
                name="apiKey"
                label="API key"
                saved={settings.apiKeySet}
                typed={form.kept("apiKey")}
                hint="From Tremendous: Team settings > Developers > API keys."
                error={form.error("apiKey")}
                required
              />
              <SecretField
                name="webhookKey"
                label="Webhook key"
                saved={settings.webhookKeySet}
                typed={form.kept("webhookKey")}
                hint="The private key Tremendous shows when you add the webhook below; Plaudit checks every webhook's signature with it."
                error={form.error("webhookKey")}
              />
              <WebhookUrl url={webhookUrl} />
            </div>
          ) : null}

          <div className="space-y-3">
            <div className="flex flex-wrap items-center gap-3">
              <button
                type="button"
                className={secondaryButtonClass}
                onClick={test}
                disabled={testing}
                aria-busy={testing}
              >
                {testing ? "Testing…" : "Test connection"}
              </button>
              <p className="text-sm text-stone-500">
                Asks the provider with what is typed here, without saving.
              </p>
            </div>
            <div aria-live="polite">
              {answer ? (
                <Suspense fallback={<p className="text-sm text-stone-500">Asking the provider…</p>}>
                  <CheckOutcome answer={answer} />
                </Suspense>
              ) : null}
            </div>
          </div>

          <Suspense fallback={<FundingSourceField answer={null} saved={settings.fundingSourceId} loading />}>
            <FundingSourceField
              answer={answer}
              saved={form.kept("fundingSourceId", settings.fundingSourceId ?? "")}
              error={form.error("fundingSourceId")}
            />
          </Suspense>

          <ChoiceGroup
            name="deliveryMethod"
            legend="Delivery"
            choices={DELIVERY}
            defaultValue={form.kept("deliveryMethod", settings.deliveryMethod)}
            error={form.error("deliveryMethod")}
          />
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <SubmitButton pending="Saving…">Save connection</SubmitButton>
          <FormMessage {...form.message} />
        </div>
      </form>
    </Panel>
  );
}
