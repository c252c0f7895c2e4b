/** Birthdays earn 50 points, work anniversaries 100 plus 25 for each year of service. */
export const CELEBRATION_SETTINGS = {
  birthdayPoints: 50,
  anniversaryPoints: 100,
  anniversaryPointsPerYear: 25,
};

/**
 * People whose birthday or work anniversary falls near the seed's day, in days from it: ahead, for the
 * running demo to celebrate, or behind, celebrated in the history. Everyone else's dates are left out.
 */
export const OCCASIONS: readonly {
  name: string;
  birthdayInDays?: number;
  anniversaryInDays?: number;
  hiredYearsAgo?: number;
}[] = [
  { name: "Sofia Rossi", birthdayInDays: 1 },
  { name: "Kenji Watanabe", anniversaryInDays: 2, hiredYearsAgo: 5 },
  { name: "Emily Nguyen", birthdayInDays: 4 },
  { name: "Marcus Chen", anniversaryInDays: 6, hiredYearsAgo: 3 },
  { name: "Amara Osei", birthdayInDays: -12 },
  { name: "Lucas Moreau", anniversaryInDays: -26, hiredYearsAgo: 2 },
  { name: "Hannah Schmidt", birthdayInDays: -41, anniversaryInDays: 120, hiredYearsAgo: 7 },
];

/** A birth year with a February 29th, so that any day of the year is a birthday it can hold. */
export const BIRTH_YEAR = 1988;

/** The occasions already past on the seed's day: each is a celebration in the feed. */
export const PAST_OCCASIONS = OCCASIONS.flatMap((occasion) =>
  [occasion.birthdayInDays, occasion.anniversaryInDays].filter((days) => days !== undefined && days < 0),
).length;
