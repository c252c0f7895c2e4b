import type { RecognitionItem } from "@/core/feed/recognition-list";
import type { Balances } from "@/core/giving/get-balances";
import type { GivePointsInput, GivePointsResult } from "@/core/giving/give-points";
import { monthDayOf } from "@/core/people/month-day";
import type { PersonDetails } from "@/core/people/person-details";
import { type PointValue, pointsToMinor } from "@/core/shared/money";

/**
 * The integration API's JSON shapes (described in app/api/v1/openapi.ts): snake_case, points as whole
 * numbers, and beside each points figure a person would read, its money value at the org's point value.
 */

/** A points figure's money value at a point value, as the `*_value` fields show it. */
export function moneyOf(points: number, pointValue: PointValue) {
  return { minor: pointsToMinor(points, pointValue), currency: pointValue.currency };
}

/** What a point is worth, as the `point_value` fields show it. */
export function pointValueJson(pointValue: PointValue) {
  return { points: pointValue.points, minor: pointValue.minor, currency: pointValue.currency };
}

export function personJson(person: PersonDetails) {
  return {
    id: person.id,
    name: person.name,
    email: person.email,
    external_id: person.externalEmployeeId,
    roles: person.roles,
    manager_id: person.managerId,
    department: person.department,
    cost_center: person.costCenter,
    // Month and day only: a birth year is never shown, to an integration either.
    birthday: monthDayOf(person.birthday),
    hire_date: person.hireDate,
    active: person.active,
  };
}

export function recognitionJson(item: RecognitionItem, pointValue: PointValue) {
  return {
    id: item.id,
    created_at: item.createdAt,
    source: item.source,
    message: item.message,
    giver: item.giver,
    recipients: item.recipients,
    values: item.values,
    amount_per_recipient: item.amountPerRecipient,
    total_amount: item.totalAmount,
    total_value: moneyOf(item.totalAmount, pointValue),
    campaign: item.campaign && {
      id: item.campaign.id,
      name: item.campaign.name,
      multiplier: item.campaign.multiplier,
      bonus_per_recipient: item.campaign.bonusPerRecipient,
    },
  };
}

/**
 * What a give returns, built only from what the ledger stored for it and the request that matched it,
 * so that every replay of the request answers with exactly the same body.
 */
export function givenJson(result: GivePointsResult, request: Pick<GivePointsInput, "giverId" | "amount">) {
  // The recipients as the ledger credited them: each once, whatever the request repeated.
  const recipientIds = Object.keys(result.earnedBalances).sort();
  return {
    id: result.recognitionId,
    created_at: result.createdAt,
    source: "api",
    giver_id: request.giverId,
    recipient_ids: recipientIds,
    amount_per_recipient: request.amount,
    total_amount: request.amount * recipientIds.length,
    period: result.period,
    allowance_remaining: result.allowanceRemaining,
    // Gives stored before campaigns existed have neither field; they earned no bonus.
    bonus: result.bonus
      ? {
          campaign_id: result.bonus.campaignId,
          campaign_name: result.bonus.campaignName,
          multiplier: result.bonus.multiplier,
          per_recipient: result.bonus.perRecipient,
        }
      : null,
    budget_spent_campaign: result.budgetSpentCampaign ?? null,
  };
}

export function balancesJson(balances: Balances) {
  const { allowance, earned, pointValue } = balances;
  return {
    person_id: balances.personId,
    period: balances.period,
    allowance: {
      remaining: allowance.remaining,
      remaining_value: { minor: allowance.remainingMinor, currency: pointValue.currency },
      total: allowance.total,
      given: allowance.given,
    },
    earned: {
      balance: earned.balance,
      balance_value: { minor: earned.balanceMinor, currency: pointValue.currency },
    },
  };
}
