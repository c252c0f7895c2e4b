/**
 * The sandbox's products: gift cards with fixed values and with ranges, a prepaid Visa, donations, in
 * USD, EUR and GBP. Amounts are integer minor units here and become JSON numbers only on the wire.
 */
export interface CatalogProduct {
  id: string;
  name: string;
  description: string;
  category: "merchant_card" | "visa_card" | "charity";
  subcategory?: string;
  currency: "USD" | "EUR" | "GBP";
  countries: string[];
  skus: { minMinor: number; maxMinor: number }[];
  /** The card tile's background, for the images the sandbox draws itself. */
  color: string;
}

const range = (minMinor: number, maxMinor: number) => [{ minMinor, maxMinor }];
const fixed = (...values: number[]) => values.map((value) => ({ minMinor: value, maxMinor: value }));

const US = ["US"];
const EUROZONE = ["DE", "FR", "NL", "ES", "IT", "IE"];

/** A merchant card: id, name, subcategory, skus, tile colour. */
type CardRow = [string, string, string, CatalogProduct["skus"], string];

const US_CARDS: CardRow[] = [
  ["AMZNUS000001", "Amazon.com", "general_merchandise", range(500, 200_000), "#232f3e"],
  ["TRGTUS000001", "Target", "general_merchandise", range(500, 50_000), "#cc0000"],
  ["SBUXUS000001", "Starbucks", "food_and_drink", fixed(500, 1000, 2500, 5000), "#00704a"],
  ["DASHUS000001", "DoorDash", "food_and_drink", range(1500, 20_000), "#eb1700"],
  ["UBERUS000001", "Uber", "mobility_and_fuel", range(1500, 50_000), "#000000"],
  ["ABNBUS000001", "Airbnb", "travel_and_hospitality", range(2500, 50_000), "#ff5a5f"],
  ["HDPTUS000001", "The Home Depot", "home_and_living", range(1000, 50_000), "#f96302"],
  ["BBUYUS000001", "Best Buy", "electronics", fixed(2500, 5000, 10_000), "#0046be"],
  ["SEPHUS000001", "Sephora", "beauty_and_health", range(1000, 25_000), "#1a1a1a"],
  ["REIXUS000001", "REI Co-op", "sports_and_outdoor_gear", range(2500, 50_000), "#3c6e47"],
  ["NFLXUS000001", "Netflix", "entertainment", fixed(2500, 5000, 10_000), "#e50914"],
  ["WFMXUS000001", "Whole Foods Market", "grocery_and_supermarkets", range(1000, 25_000), "#00674b"],
];

const EURO_CARDS: CardRow[] = [
  ["ZLDOEU000001", "Zalando", "fashion", range(1000, 50_000), "#ff6900"],
  ["IKEAEU000001", "IKEA", "home_and_living", fixed(2500, 5000, 10_000), "#0058a3"],
];

const UK_CARDS: CardRow[] = [
  ["MNSXGB000001", "Marks & Spencer", "grocery_and_supermarkets", fixed(1000, 2500, 5000), "#1e1e1e"],
  ["JLWSGB000001", "John Lewis", "general_merchandise", range(1000, 100_000), "#2d6a4f"],
];

const cards = (rows: CardRow[], currency: CatalogProduct["currency"], countries: string[]) =>
  rows.map(([id, name, subcategory, skus, color]): CatalogProduct => {
    const description = `A digital ${name} gift card, delivered by email or link.`;
    return {
      id,
      name,
      description,
      category: "merchant_card",
      subcategory,
      currency,
      countries,
      skus,
      color,
    };
  });

function charity(id: string, name: string, cause: string, color: string): CatalogProduct {
  return {
    id,
    name,
    description: `A donation to ${name}, for ${cause}.`,
    category: "charity",
    currency: "USD",
    countries: US,
    skus: range(500, 100_000),
    color,
  };
}

export const CATALOG: CatalogProduct[] = [
  ...cards(US_CARDS, "USD", US),
  ...cards(EURO_CARDS, "EUR", EUROZONE),
  ...cards(UK_CARDS, "GBP", ["GB"]),
  {
    id: "VISAUS000001",
    name: "Visa Prepaid",
    description: "A prepaid virtual Visa card, spendable wherever Visa is accepted online.",
    category: "visa_card",
    currency: "USD",
    countries: US,
    skus: range(1000, 100_000),
    color: "#1a1f71",
  },
  charity("MSFXUS000001", "Doctors Without Borders", "medical care where it is needed most", "#e3001b"),
  charity(
    "CHWTUS000001",
    "charity: water",
    "clean drinking water for people in developing countries",
    "#ffc907",
  ),
  charity(
    "TNCXUS000001",
    "The Nature Conservancy",
    "the lands and waters on which all life depends",
    "#49a942",
  ),
];

export const findProduct = (id: string) => CATALOG.find((product) => product.id === id);
