/** Acme's company values: the hashtags its recognitions carry. */
export const COMPANY_VALUES = [
  { name: "ownership", description: "We see things through, and fix what we find on the way." },
  { name: "customer-obsession", description: "We start from what customers need and work back." },
  { name: "teamwork", description: "We win together and make each other better." },
  { name: "craft", description: "We sweat the details and leave things better than we found them." },
  { name: "candor", description: "We say what we think, kindly and early." },
] as const;

export type ValueName = (typeof COMPANY_VALUES)[number]["name"];
