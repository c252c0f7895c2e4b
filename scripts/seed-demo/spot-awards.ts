/** Company grants paid by the admin: weekdays ago, recipients, points each, message. */
export const SPOT_AWARDS = [
  {
    daysAgo: 52,
    to: ["Diego Fernández", "Emily Nguyen"],
    amount: 200,
    message: "Spot award: closing the Globex renewal a quarter early.",
  },
  {
    daysAgo: 38,
    to: ["Kenji Watanabe", "Lucas Moreau", "Sofia Rossi", "Ethan Park", "Nadia Haddad"],
    amount: 100,
    message: "Spot award for the zero-downtime database migration.",
  },
  {
    daysAgo: 24,
    to: ["Amara Osei", "Felix Wagner", "Lena Petrova"],
    amount: 150,
    message: "Spot award: the rebrand shipped on time and looks wonderful.",
  },
  {
    daysAgo: 9,
    to: ["Hannah Schmidt", "Olivia Bennett"],
    amount: 100,
    message: "Thank you for organising a brilliant company offsite.",
  },
  {
    daysAgo: 4,
    to: ["Marcus Chen", "Tomás Rivera"],
    amount: 150,
    message: "Spot award for steering us through the SOC 2 audit.",
  },
  // Appended last, so that the awards above keep their idempotency keys. Together with what colleagues
  // gave them, these take a few people past Bronze (500) and one past Silver (1,500).
  {
    daysAgo: 61,
    to: ["Diego Fernández", "Emily Nguyen", "Kenji Watanabe", "Grace Liu"],
    amount: 400,
    message: "Annual awards: the people who carried last year. Thank you!",
  },
  {
    daysAgo: 60,
    to: ["Amara Osei"],
    amount: 1250,
    message: "Founder's award for the design system the whole product now stands on.",
  },
] as const;
