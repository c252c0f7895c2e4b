/**
 * Whether a redemption waits for an admin's approval: its reward asks for one (a custom reward can), or
 * it costs more points than the org's threshold. Pure, so the redeem form says so before anyone asks.
 */
export function needsApproval(
  points: number,
  reward: { requiresApproval: boolean },
  approvalThreshold: number | null,
): boolean {
  return reward.requiresApproval || (approvalThreshold !== null && points > approvalThreshold);
}
