/**
 * How long after Slack's request a listener waits for a give to be saved before it acknowledges anyway.
 * Slack shows the user an error and sends the request again when it has no answer within 3 seconds; a
 * give takes milliseconds, so only a database in trouble gets near this, and the acknowledgement then
 * says the give is under way rather than that it happened.
 */
export const SAVE_DEADLINE_MS = 2_000;

/** Stands for "not saved yet" when the deadline passed first; the work carries on. */
export const STILL_SAVING = Symbol("still saving");

/**
 * The work's result if it settles by the deadline of the request received at `receivedAt` (a failure
 * rethrown), else STILL_SAVING. Counted from the request rather than from now, so that time spent before
 * the listener ran (finding the workspace, a busy server) comes off the wait.
 */
export async function withinSaveDeadline<Result>(
  work: Promise<Result>,
  receivedAt: number,
): Promise<Result | typeof STILL_SAVING> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<typeof STILL_SAVING>((resolve) => {
    timer = setTimeout(() => resolve(STILL_SAVING), Math.max(0, receivedAt + SAVE_DEADLINE_MS - Date.now()));
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
