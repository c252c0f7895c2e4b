import { z } from "zod";
import { text } from "../shared/validation";

/** What an admin sets on one of the org's own rewards (a day off, a hoodie, lunch with the CEO). */
export const customRewardFields = {
  name: text("Name the reward.")
    .trim()
    .min(1, "Name the reward.")
    .max(120, "Keep the name under 120 characters."),
  description: text().trim().max(1000, "Keep the description under 1,000 characters.").default(""),
  pointsPrice: z
    .number("Enter a price in points.")
    .int("Points are whole numbers.")
    .positive("A reward costs at least 1 point.")
    .max(10_000_000, "That price is too high."),
  /** Null: no limit. */
  stock: z
    .number("Enter how many there are.")
    .int("Enter a whole number.")
    .min(0, "Stock can't be negative.")
    .max(1_000_000)
    .nullable()
    .default(null),
  requiresApproval: z.boolean().default(false),
  internalCostMinor: z
    .number("Enter an amount.")
    .int("Enter a whole amount.")
    .min(0, "A cost can't be negative.")
    .max(100_000_000_00)
    .nullable()
    .default(null),
};
