/** Said wherever a reward could be redeemed while an admin has redemptions switched off. */
export function PausedNotice() {
  return (
    <p
      role="status"
      className="rounded-lg border border-stone-300 bg-stone-100 px-4 py-3 text-sm text-stone-800"
    >
      <strong className="font-semibold">Redemptions are paused for now.</strong> Your points are safe and stay
      in your balance; you can browse the rewards, and redeem them once an admin switches redemptions back on.
    </p>
  );
}
