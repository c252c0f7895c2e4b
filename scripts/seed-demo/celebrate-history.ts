import { celebrateDueOccasions } from "../../core/celebrations/celebrate-due-occasions";
import { isLeapYear } from "../../core/celebrations/occasion-calendar";
import { updateOrgSettings } from "../../core/org/update-org-settings";
import { updatePerson } from "../../core/people/update-person";
import type { Clock } from "../../core/shared/clock";
import { instantOfLocalTime, type LocalDate, localDate } from "../../core/shared/periods";
import type { Database } from "../../db/client";
import { BIRTH_YEAR, CELEBRATION_SETTINGS, OCCASIONS } from "./celebrations";
import type { PersonActor, Staff } from "./staff";

const two = (n: number) => String(n).padStart(2, "0");

function daysFrom(date: LocalDate, days: number): LocalDate {
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

/** `year`'s date of a month and day; February 29th is the 28th in a year without one. */
function isoIn(year: number, { month, day }: LocalDate): string {
  const fitted = month === 2 && day === 29 && !isLeapYear(year) ? 28 : day;
  return `${year}-${two(month)}-${two(fitted)}`;
}

/**
 * Turns celebrations on, gives the people of OCCASIONS their birthdays and hire dates around the seed's
 * day, and celebrates those already past as background work did on their day (at noon, local time).
 * Each step changes nothing when run again, so an interrupted seed resumes here safely.
 */
export async function celebrateHistory(
  db: Database,
  admin: PersonActor,
  staff: Staff,
  timeZone: string,
  clock: Clock,
): Promise<void> {
  await updateOrgSettings(db, admin, CELEBRATION_SETTINGS, clock);
  const today = localDate(clock(), timeZone);
  const pastDays: LocalDate[] = [];
  for (const occasion of OCCASIONS) {
    const { birthdayInDays, anniversaryInDays } = occasion;
    const birthday = birthdayInDays === undefined ? undefined : daysFrom(today, birthdayInDays);
    const anniversary = anniversaryInDays === undefined ? undefined : daysFrom(today, anniversaryInDays);
    await updatePerson(
      db,
      admin,
      {
        personId: staff.idOf(occasion.name),
        birthday: birthday && isoIn(BIRTH_YEAR, birthday),
        hireDate: anniversary && isoIn(anniversary.year - (occasion.hiredYearsAgo ?? 1), anniversary),
      },
      clock,
    );
    if (birthday && (birthdayInDays ?? 0) < 0) pastDays.push(birthday);
    if (anniversary && (anniversaryInDays ?? 0) < 0) pastDays.push(anniversary);
  }
  const system = { kind: "system", orgId: admin.orgId } as const;
  for (const day of pastDays) {
    const noon = instantOfLocalTime({ ...day, hour: 12, minute: 0, second: 0 }, timeZone);
    await celebrateDueOccasions(db, system, () => noon);
  }
}
