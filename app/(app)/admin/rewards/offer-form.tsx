"use client";

import { useState } from "react";
import { describedBy, Field, FormMessage, SubmitButton } from "@/app/_components/form";
import { EmptyState, Panel } from "@/app/_components/panel";
import { checkboxClass, inputClass } from "@/app/_components/styles";
import { fieldError } from "@/app/_lib/form-state";
import type { RewardSettingsView } from "@/core/rewards/get-reward-settings";
import { useKeptForm } from "../_components/use-kept-form";
import { saveOffer } from "./actions";
import { categoriesOf, categoryLabel, hiddenBecause, type OfferChoice } from "./catalog-rules";
import { splitCountries } from "./countries";
import { ProductPicker } from "./product-picker";
import { RefreshCatalogForm } from "./refresh-catalog-form";

function Box({
  name,
  value,
  label,
  checked,
  onChange,
}: {
  name: string;
  value: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <label className="flex cursor-pointer items-start gap-2 text-sm text-stone-800">
      <input
        type="checkbox"
        name={name}
        value={value}
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        className={`${checkboxClass} mt-0.5 shrink-0`}
      />
      <span>{label}</span>
    </label>
  );
}

function toggled(list: readonly string[], item: string, on: boolean): string[] {
  return on ? [...list, item] : list.filter((each) => each !== item);
}

/** The codes typed so far that look like codes, for the live count; the action checks them properly. */
function typedCodes(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((word) => word.trim().toUpperCase())
    .filter((code) => /^[A-Z]{2}$/.test(code));
}

function OfferFields({
  settings,
  countries,
  currency,
}: {
  settings: RewardSettingsView;
  countries: readonly { code: string; name: string }[];
  currency: string;
}) {
  const form = useKeptForm(saveOffer);
  const split = splitCountries(settings.offeredCountries);
  const [ticked, setTicked] = useState(split.ticked);
  const [typed, setTyped] = useState(split.typed);
  const [categories, setCategories] = useState(settings.offeredCategories);
  const [offered, setOffered] = useState(
    () => new Set(settings.products.filter((product) => product.offered).map((product) => product.productId)),
  );
  const choice: OfferChoice = { countries: [...ticked, ...typedCodes(typed)], categories, currency };
  const seen = settings.products.filter(
    (product) => offered.has(product.productId) && hiddenBecause(product, choice) === null,
  ).length;
  const countryError = fieldError(form.state, "offeredCountries");

  return (
    <form action={form.action} className="space-y-6">
      <fieldset className="space-y-3" aria-describedby={countryError ? "offeredCountries-error" : undefined}>
        <legend className="text-sm font-medium text-stone-800">
          Countries people can receive rewards in
        </legend>
        <div className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-4">
          {countries.map((country) => (
            <Box
              key={country.code}
              name="offeredCountries"
              value={country.code}
              label={`${country.name} (${country.code})`}
              checked={ticked.includes(country.code)}
              onChange={(on) => setTicked(toggled(ticked, country.code, on))}
            />
          ))}
        </div>
        <Field
          id="otherCountries"
          label="Other countries"
          hint="Two-letter ISO codes, separated by commas, such as PT, SE, NO."
          error={countryError}
        >
          <input
            id="otherCountries"
            name="otherCountries"
            type="text"
            autoComplete="off"
            spellCheck={false}
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            className={`${inputClass} uppercase sm:max-w-md`}
            {...describedBy("otherCountries", countryError)}
          />
        </Field>
      </fieldset>

      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-stone-800">Categories</legend>
        <p className="text-sm text-stone-500">
          Tick some to offer only those; leave them all unticked to offer every category.
        </p>
        <div className="space-y-3">
          {categoriesOf(settings.products).map(({ category, subcategories }) => (
            <div key={category} className="space-y-1.5">
              <Box
                name="offeredCategories"
                value={category}
                label={categoryLabel(category)}
                checked={categories.includes(category)}
                onChange={(on) => setCategories(toggled(categories, category, on))}
              />
              {subcategories.length > 0 ? (
                <div className="ml-2 grid gap-1.5 border-l border-stone-200 pl-4 sm:grid-cols-2 lg:grid-cols-3">
                  {subcategories.map((subcategory) => (
                    <Box
                      key={subcategory}
                      name="offeredCategories"
                      value={subcategory}
                      label={categoryLabel(subcategory)}
                      checked={categories.includes(subcategory)}
                      onChange={(on) => setCategories(toggled(categories, subcategory, on))}
                    />
                  ))}
                </div>
              ) : null}
            </div>
          ))}
        </div>
      </fieldset>

      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-stone-800">Products</legend>
        <ProductPicker
          products={settings.products}
          offered={offered}
          onOfferedChange={setOffered}
          choice={choice}
        />
      </fieldset>

      <div className="flex flex-col gap-3 border-t border-stone-100 pt-4 sm:flex-row sm:items-center sm:justify-between">
        <p aria-live="polite" className="text-sm text-stone-600" data-testid="offer-summary">
          People will see <strong className="text-stone-900">{seen}</strong> of {settings.products.length}{" "}
          synced products.
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <FormMessage {...form.message} />
          <SubmitButton pending="Saving…">Save what's offered</SubmitButton>
        </div>
      </div>
    </form>
  );
}

/** The synced catalog, its refresh, and what of it the org offers. */
export function OfferForm({
  settings,
  countries,
  currency,
  syncedAt,
}: {
  settings: RewardSettingsView;
  countries: readonly { code: string; name: string }[];
  currency: string;
  /** When the catalog was last synced, as the org reads the time; null if never. */
  syncedAt: string | null;
}) {
  const count = settings.products.length;
  return (
    <Panel
      title="What's offered"
      description="Products come from the provider's catalog, copied here so that the rewards page never waits on the provider. Custom rewards are offered as they are set up."
    >
      <div className="space-y-6">
        <div className="flex flex-wrap items-center justify-between gap-3 rounded-lg bg-stone-50 px-4 py-3">
          <p className="text-sm text-stone-700" data-testid="catalog-synced">
            {syncedAt
              ? `${new Intl.NumberFormat("en-US").format(count)} product${count === 1 ? "" : "s"}, synced ${syncedAt}.`
              : "The catalog hasn't been synced yet."}
          </p>
          <RefreshCatalogForm />
        </div>
        {count === 0 ? (
          <EmptyState title="No products yet.">
            Refresh the catalog to copy the provider's products here, then choose what to offer.
          </EmptyState>
        ) : (
          <OfferFields
            // A saved change or a new sync starts the choices again from what is saved.
            key={JSON.stringify([
              settings.offeredCountries,
              settings.offeredCategories,
              settings.products.map((product) => [product.productId, product.offered, product.available]),
            ])}
            settings={settings}
            countries={countries}
            currency={currency}
          />
        )}
      </div>
    </Panel>
  );
}
