import { describe, expect, it } from "vitest";
import { describeEntry } from "../../app/(app)/admin/audit/describe-entry";

const context = {
  names: { people: {}, values: {} },
  timeZone: "UTC",
  pointValue: { points: 10, minor: 100, currency: "USD" },
};

const entry = (before: unknown, after: unknown) => ({
  id: 1,
  createdAt: new Date("2026-06-15T12:00:00Z"),
  action: "person.update",
  targetType: "person",
  targetId: null,
  actor: null,
  before,
  after,
});

describe("the audit log", () => {
  it("shows a birthday changed without its year, and celebration settings with their money value", () => {
    const person = describeEntry(entry({ birthday: "1990-04-02" }, { birthday: "1991-02-28" }), context);
    expect(person.changes).toEqual([
      { field: "birthday", label: "Birthday", before: "April 2", after: "February 28" },
    ]);
    const settings = describeEntry(
      {
        ...entry(
          { birthdayPoints: null, anniversaryPointsPerYear: 0 },
          { birthdayPoints: 50, anniversaryPointsPerYear: 25 },
        ),
        action: "organization.update_settings",
        targetType: "organization",
      },
      context,
    );
    expect(settings.changes).toEqual([
      { field: "birthdayPoints", label: "Points on a birthday", before: null, after: "50 pts · $5.00" },
      {
        field: "anniversaryPointsPerYear",
        label: "Anniversary points per year of service",
        before: "0 pts · $0.00",
        after: "25 pts · $2.50",
      },
    ]);
  });
});
