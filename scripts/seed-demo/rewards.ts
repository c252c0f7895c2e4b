/**
 * Acme's rewards: the settings an admin chose, its own rewards, and three months of redemptions that
 * show every way one can end. Face values are in US cents; at Acme's 10 points to the dollar, $25.00
 * costs 250 points. `daysAgo` counts weekdays, like the rest of the history.
 */

export const REWARD_SETTINGS = {
  redemptionsEnabled: true,
  provider: "sandbox",
  /** Links open in the browser at once, which is what a demo on a laptop wants; most companies email. */
  deliveryMethod: "link",
  /** Redemptions of more than $30.00 wait for an admin. */
  approvalThreshold: 300,
} as const;

export const CUSTOM_REWARDS = [
  {
    name: "Plaudit hoodie",
    description: "The soft grey one, in any size. Picked up from the office manager.",
    pointsPrice: 150,
    stock: 20,
    requiresApproval: false,
    internalCostMinor: 2800,
  },
  {
    name: "Extra day off",
    description: "A day of paid leave to take within the next three months, agreed with your manager.",
    pointsPrice: 250,
    stock: null,
    requiresApproval: true,
    internalCostMinor: null,
  },
  {
    name: "Lunch with the leadership team",
    description: "Bring your questions; the company pays. Four seats a quarter.",
    pointsPrice: 200,
    stock: 4,
    requiresApproval: true,
    internalCostMinor: 4500,
  },
] as const;

export type CustomRewardName = (typeof CUSTOM_REWARDS)[number]["name"];

export interface PlannedRedemption {
  daysAgo: number;
  person: string;
  reward: { productId: string; faceValueMinor: number } | { custom: CustomRewardName };
  delivery?: "email" | "link";
  shareInFeed?: boolean;
  /** What happens next: an admin hands it over, or declines it (with the reason given). */
  afterwards?: { fulfil: string } | { decline: string };
  /** The company card was closed: the provider refuses the order and the points go back. */
  closedFundingSource?: boolean;
  /** A typo in the person's email at the time: the gift card bounces and waits in Needs attention. */
  bouncingEmail?: boolean;
}

export const REDEMPTIONS: PlannedRedemption[] = [
  {
    daysAgo: 58,
    person: "Diego Fernández",
    reward: { productId: "AMZNUS000001", faceValueMinor: 2500 },
    delivery: "email",
  },
  {
    daysAgo: 55,
    person: "Emily Nguyen",
    reward: { productId: "SBUXUS000001", faceValueMinor: 1000 },
    delivery: "email",
  },
  {
    daysAgo: 50,
    person: "Grace Liu",
    reward: { productId: "MSFXUS000001", faceValueMinor: 1500 },
    delivery: "email",
    shareInFeed: true,
  },
  {
    daysAgo: 46,
    person: "Zoe Kowalski",
    reward: { custom: "Plaudit hoodie" },
    afterwards: { fulfil: "Handed over at the Friday social." },
  },
  { daysAgo: 40, person: "Amara Osei", reward: { productId: "NFLXUS000001", faceValueMinor: 2500 } },
  { daysAgo: 37, person: "Hannah Schmidt", reward: { productId: "DASHUS000001", faceValueMinor: 1500 } },
  {
    daysAgo: 30,
    person: "Lena Petrova",
    reward: { productId: "TRGTUS000001", faceValueMinor: 2000 },
    delivery: "email",
    closedFundingSource: true,
  },
  {
    daysAgo: 24,
    person: "Marcus Chen",
    reward: { productId: "MSFXUS000001", faceValueMinor: 1000 },
    delivery: "email",
    shareInFeed: true,
  },
  {
    daysAgo: 18,
    person: "Tomás Rivera",
    reward: { productId: "SBUXUS000001", faceValueMinor: 1000 },
    delivery: "email",
    bouncingEmail: true,
  },
  {
    daysAgo: 12,
    person: "Olivia Bennett",
    reward: { custom: "Lunch with the leadership team" },
    afterwards: { decline: "This quarter's seats are taken; new dates come out in January." },
  },
  { daysAgo: 8, person: "Mateo Silva", reward: { productId: "AMZNUS000001", faceValueMinor: 1500 } },
  { daysAgo: 4, person: "Kenji Watanabe", reward: { custom: "Extra day off" } },
  { daysAgo: 2, person: "Felix Wagner", reward: { productId: "WFMXUS000001", faceValueMinor: 2000 } },
];

/** Redemptions are made at 14:30 local time, an hour after lunch. */
export const REDEMPTION_MINUTE = 5 * 60 + 30;
export const CLOSED_FUNDING_SOURCE = "closed-company-card";
export const BOUNCE_DOMAIN = "bounce.example";
