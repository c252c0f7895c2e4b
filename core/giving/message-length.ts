/** The longest message a recognition carries, in UTF-16 code units as JavaScript counts a string's length. */
export const MESSAGE_MAX_LENGTH = 2000;

/** "A message can be at most 2,000 characters." */
export const MESSAGE_TOO_LONG = `A message can be at most ${MESSAGE_MAX_LENGTH.toLocaleString("en-US")} characters.`;
