/**
 * How big the bench's org is. The defaults are the finance issue's: a million-line bill and ten million
 * ledger entries over two years among ten thousand people. Each can be made smaller for a quick run
 * (BENCH_BILL_LINES, BENCH_LEDGER_ENTRIES, BENCH_PEOPLE), e.g. to run `npm run db:check` on the result.
 */
export interface BillBenchSizes {
  people: number;
  /** Calendar months of history, the current one included. */
  months: number;
  /** Fulfilled gift cards in the billed month: one charge line each. */
  billLines: number;
  /** Ledger entries in total, the bill's holds and settles included. */
  ledgerEntries: number;
}

/** The months back from the current one that the billed month lies: far enough back to close. */
export const BILL_MONTHS_AGO = 2;

function wholeFromEnv(name: string, fallback: number, least: number): number {
  const text = process.env[name];
  if (text === undefined || text === "") return fallback;
  const value = Number(text.replaceAll("_", ""));
  if (!Number.isSafeInteger(value) || value < least)
    throw new Error(`${name} must be a whole number >= ${least}`);
  return value;
}

export function sizesFromEnv(): BillBenchSizes {
  return {
    people: wholeFromEnv("BENCH_PEOPLE", 10_000, 10),
    months: 24,
    billLines: wholeFromEnv("BENCH_BILL_LINES", 1_000_000, 1),
    ledgerEntries: wholeFromEnv("BENCH_LEDGER_ENTRIES", 10_000_000, 1),
  };
}

/** How the entries are made up. Every transaction here posts two entries. */
export interface LedgerPlan {
  /** One allowance issue per person and month. */
  allowanceIssues: number;
  /** Person-to-person gives, spread evenly over people and months: what fills the rest of the ledger. */
  gives: number;
  /** A monthly allowance large enough for the most any person gives in a month. */
  monthlyAllowance: number;
  /** One spot award per redeeming person, paying for what they redeem in the billed month. */
  grants: number;
  /** A hold and a settle per fulfilled gift card. */
  redemptionTransactions: number;
  entries: number;
}

/** The largest give, in points: gives are 5 to 25 points. */
export const MAX_GIVE = 25;

export function ledgerPlan(sizes: BillBenchSizes): LedgerPlan {
  const allowanceIssues = sizes.people * sizes.months;
  const grants = Math.min(sizes.people, sizes.billLines);
  const redemptionTransactions = 2 * sizes.billLines;
  const fixedEntries = 2 * (allowanceIssues + grants + redemptionTransactions);
  const gives = Math.floor((sizes.ledgerEntries - fixedEntries) / 2);
  if (gives < 0) {
    throw new Error(
      `${sizes.ledgerEntries} ledger entries cannot hold the allowances, grants and redemptions of ` +
        `${sizes.people} people and ${sizes.billLines} bill lines (${fixedEntries} entries): raise ` +
        "BENCH_LEDGER_ENTRIES or lower BENCH_PEOPLE or BENCH_BILL_LINES",
    );
  }
  const givesPerPersonMonth = Math.ceil(gives / allowanceIssues);
  return {
    allowanceIssues,
    gives,
    monthlyAllowance: Math.max(100, MAX_GIVE * givesPerPersonMonth),
    grants,
    redemptionTransactions,
    entries: fixedEntries + 2 * gives,
  };
}
