"use client";

import { useId, useState } from "react";
import { checkboxClass, inputClass, linkClass } from "@/app/_components/styles";
import type { CatalogProductSummary } from "@/core/rewards/get-reward-settings";
import { categoryLabel, hiddenBecause, type OfferChoice } from "./catalog-rules";

const KINDS = [
  { kind: "gift_card", title: "Gift cards" },
  { kind: "charity", title: "Donations" },
] as const;

/**
 * Every synced product with a box to offer it, grouped by kind, with a filter by name. What is sent is
 * the products left unticked (`excludedProductIds`), so a product new to the next sync is offered.
 */
export function ProductPicker({
  products,
  offered,
  onOfferedChange,
  choice,
}: {
  products: readonly CatalogProductSummary[];
  offered: ReadonlySet<string>;
  onOfferedChange: (offered: Set<string>) => void;
  choice: OfferChoice;
}) {
  const [filter, setFilter] = useState("");
  const filterId = useId();
  const words = filter.trim().toLowerCase();
  const shown = products.filter((product) => product.name.toLowerCase().includes(words));
  const setShown = (offer: boolean) => {
    const next = new Set(offered);
    for (const product of shown) {
      if (offer) next.add(product.productId);
      else next.delete(product.productId);
    }
    onOfferedChange(next);
  };

  return (
    <div className="space-y-3">
      {products
        .filter((product) => !offered.has(product.productId))
        .map((product) => (
          <input key={product.productId} type="hidden" name="excludedProductIds" value={product.productId} />
        ))}
      <div className="flex flex-wrap items-end gap-x-4 gap-y-2">
        <div className="min-w-0 flex-[1_1_14rem] space-y-1">
          <label htmlFor={filterId} className="block text-sm font-medium text-stone-800">
            Find a product
          </label>
          <input
            id={filterId}
            type="search"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
            placeholder="Amazon, Starbucks…"
            className={inputClass}
          />
        </div>
        <div className="flex gap-4 pb-2 text-sm">
          <button type="button" className={linkClass} onClick={() => setShown(true)}>
            Offer all {words ? "found" : ""}
          </button>
          <button type="button" className={linkClass} onClick={() => setShown(false)}>
            Offer none {words ? "found" : ""}
          </button>
        </div>
      </div>
      <p aria-live="polite" className="sr-only">
        {words ? `${shown.length} product${shown.length === 1 ? "" : "s"} found.` : ""}
      </p>
      <div className="max-h-[70vh] space-y-5 overflow-y-auto rounded-lg border border-stone-200 p-3">
        {KINDS.map(({ kind, title }) => {
          const ofKind = shown.filter((product) => product.kind === kind);
          if (ofKind.length === 0) return null;
          return (
            <fieldset key={kind} className="space-y-1">
              <legend className="mb-1 text-xs font-semibold tracking-wide text-stone-500 uppercase">
                {title} ({ofKind.length})
              </legend>
              {ofKind.map((product) => {
                const ticked = offered.has(product.productId);
                const hidden = ticked ? hiddenBecause(product, choice) : null;
                return (
                  <label
                    key={product.productId}
                    className="flex cursor-pointer items-start gap-3 rounded-md px-2 py-1.5 hover:bg-stone-50"
                  >
                    <input
                      type="checkbox"
                      checked={ticked}
                      onChange={(event) => {
                        const next = new Set(offered);
                        if (event.target.checked) next.add(product.productId);
                        else next.delete(product.productId);
                        onOfferedChange(next);
                      }}
                      className={`${checkboxClass} mt-0.5 shrink-0`}
                    />
                    <span className="min-w-0 text-sm">
                      <span
                        className={`font-medium ${product.available ? "" : "text-stone-500 line-through"}`}
                      >
                        {product.name}
                      </span>
                      {product.available ? null : (
                        <span className="ml-2 rounded-full bg-stone-200 px-2 py-0.5 text-xs font-medium text-stone-700">
                          Unavailable
                        </span>
                      )}
                      <span className="block text-stone-500">
                        {categoryLabel(product.subcategory ?? product.category)} · {product.currency} ·{" "}
                        {product.countries.join(", ")}
                      </span>
                      {hidden ? <span className="block text-amber-800">Not shown: {hidden}</span> : null}
                    </span>
                  </label>
                );
              })}
            </fieldset>
          );
        })}
        {shown.length === 0 ? (
          <p className="px-2 py-4 text-center text-sm text-stone-500">No product is called that.</p>
        ) : null}
      </div>
    </div>
  );
}
