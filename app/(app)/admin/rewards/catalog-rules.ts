import type { CatalogProductSummary } from "@/core/rewards/get-reward-settings";

/** "food_and_drink" reads "Food and drink". */
export function categoryLabel(category: string): string {
  const words = category.replaceAll("_", " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export interface CategoryChoice {
  category: string;
  subcategories: string[];
}

/** The catalog's categories, each with its subcategories, alphabetically by what they read. */
export function categoriesOf(products: readonly CatalogProductSummary[]): CategoryChoice[] {
  const byCategory = new Map<string, Set<string>>();
  for (const product of products) {
    const subcategories = byCategory.get(product.category) ?? new Set<string>();
    if (product.subcategory) subcategories.add(product.subcategory);
    byCategory.set(product.category, subcategories);
  }
  const byLabel = (a: string, b: string) => categoryLabel(a).localeCompare(categoryLabel(b));
  return [...byCategory.entries()]
    .map(([category, subcategories]) => ({ category, subcategories: [...subcategories].sort(byLabel) }))
    .sort((a, b) => byLabel(a.category, b.category));
}

/** What an admin has chosen to offer, as the catalog is filtered by it. */
export interface OfferChoice {
  countries: readonly string[];
  /** Empty: every category. */
  categories: readonly string[];
  /** The org's currency: products priced in another can't be offered. */
  currency: string;
}

/**
 * Why people won't see a product the admin left ticked, in the order the catalog checks; null when
 * they will. Mirrors the catalog's own filter, so the form can say what the page will show.
 */
export function hiddenBecause(product: CatalogProductSummary, choice: OfferChoice): string | null {
  if (!product.available) return "No longer in the provider's catalog.";
  if (product.currency !== choice.currency) {
    return `Priced in ${product.currency}; points are worth ${choice.currency}.`;
  }
  if (!product.countries.some((country) => choice.countries.includes(country))) {
    return `Sent only to ${product.countries.join(", ")}.`;
  }
  const inCategory =
    choice.categories.length === 0 ||
    choice.categories.includes(product.category) ||
    (product.subcategory !== null && choice.categories.includes(product.subcategory));
  return inCategory ? null : "Its category isn't offered.";
}
