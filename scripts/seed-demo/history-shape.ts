/** The PRNG seed the recognition history is drawn from: the same seed plans the same history. */
export const HISTORY_SEED = 20_260_101;
/** About three months of weekdays; gives fall on weekdays before today, so none lies in the future. */
export const HISTORY_WEEKDAYS = 64;
/** No calendar month has more weekdays, so spending within any such window stays within a month's allowance. */
export const WEEKDAYS_PER_MONTH_MAX = 23;
/** Points per recipient, repeated to make the common amounts likelier. */
export const AMOUNTS = [5, 5, 10, 10, 10, 10, 15, 15, 20, 20, 25, 30, 50];
/** Nobody spends more than this share of a month's allowance, so every demo user still has some to give. */
export const SPEND_SHARE = 0.75;
/** Times of day count in minutes after 9:00 local time. Gives fall between 9:00 and 18:00. */
export const GIVING_WINDOW_MINUTES = 9 * 60;
/** Spot awards are paid at 16:00. */
export const SPOT_AWARD_MINUTE = 7 * 60;
/** A leaver is deactivated at 17:00 on their last day. */
export const LEAVING_MINUTE = 8 * 60;
