/** The form field an admin ticks to go past the allowance ceiling; the refusal that asks for it names it. */
export const CONFIRM_OVER_CEILING = "confirmOverCeiling";
