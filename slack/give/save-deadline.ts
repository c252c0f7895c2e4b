/**
 * How long a listener waits for a give to be saved before it acknowledges anyway. Slack shows the user an
 * error and sends the request again when it has no answer within 3 seconds; a give takes milliseconds,
 * so only a database in trouble gets near this, and the acknowledgement then says the give is under way
 * rather than that it happened.
 */
export const SAVE_DEADLINE_MS = 2_000;

/** Stands for "not saved yet" when the deadline passed first; the work carries on. */
export const STILL_SAVING = Symbol("still saving");

/** The work's result if it settles within the deadline (a failure rethrown), else STILL_SAVING. */
export async function withinSaveDeadline<Result>(
  work: Promise<Result>,
): Promise<Result | typeof STILL_SAVING> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<typeof STILL_SAVING>((resolve) => {
    timer = setTimeout(() => resolve(STILL_SAVING), SAVE_DEADLINE_MS);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
