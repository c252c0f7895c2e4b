import type { Metadata } from "next";
import { PageHeader } from "@/app/_components/page-header";
import { guarded } from "@/app/_lib/page-guard";
import { signedIn } from "@/app/_lib/viewer";
import { getBillingSettings } from "@/core/billing/get-billing-settings";
import { BillingSettingsForm } from "./billing-settings-form";

export const metadata: Metadata = { title: "Billing settings · Finance · Plaudit" };

export default async function BillingSettingsPage() {
  const { db, actor } = await signedIn();
  const settings = await guarded(getBillingSettings(db, actor));
  return (
    <>
      <PageHeader
        title="Billing settings"
        description="How monthly bills close and are numbered, and what payroll counts as taxable. Every change is recorded in the audit log."
      />
      <BillingSettingsForm settings={settings} />
    </>
  );
}
