/**
 * An error as a log line carries it: its type, code, message, stack and causes, and nothing else. Errors
 * from HTTP clients carry the request they failed on (an axios error's `config.headers.Authorization`
 * holds a provider's API key, a Slack Web API error the bot token), and a failed Drizzle query its
 * parameters (people's emails and names): none of that is copied.
 */
export interface LoggedError {
  type: string;
  message: string;
  code?: string | number;
  stack?: string;
  cause?: LoggedError;
}

const MAX_MESSAGE_LENGTH = 1_000;
const MAX_CAUSES = 4;

/** Drizzle's message is the statement, then its parameters; only the statement is kept. */
function withoutParameters(message: string): string {
  const parameters = message.indexOf("\nparams:");
  const kept = parameters === -1 ? message : message.slice(0, parameters);
  return kept.length > MAX_MESSAGE_LENGTH ? `${kept.slice(0, MAX_MESSAGE_LENGTH)}…` : kept;
}

/** The stack's frames under a first line made from the kept message (the original repeats the whole one). */
function framesOf(error: Error, type: string, message: string): string | undefined {
  if (typeof error.stack !== "string") return undefined;
  const frames = error.stack.split("\n").filter((line) => /^\s+at /.test(line));
  return [`${type}: ${message}`, ...frames].join("\n");
}

export function loggedError(value: unknown, depth = 0): LoggedError {
  if (!(value instanceof Error)) {
    return { type: typeof value, message: withoutParameters(String(value)) };
  }
  const type = value.name || value.constructor?.name || "Error";
  const code = (value as { code?: unknown }).code;
  const message = withoutParameters(value.message || (typeof code === "string" ? code : ""));
  const logged: LoggedError = { type, message };
  if (typeof code === "string" || typeof code === "number") logged.code = code;
  const stack = framesOf(value, type, message);
  if (stack) logged.stack = stack;
  if (value.cause !== undefined && depth < MAX_CAUSES) logged.cause = loggedError(value.cause, depth + 1);
  return logged;
}
