/**
 * The last guard before a log line is written: whatever the code that logged it took care of, secrets
 * of known shapes, and the values of the secrets in the environment, never reach the output.
 */

const REDACTED = "[redacted]";

/** Variables whose values are secrets (DATABASE_URL's password is found by the URL pattern below). */
const SECRET_VARIABLES = [
  "AUTH_SECRET",
  "PLAUDIT_SECRET_KEY",
  "SLACK_SIGNING_SECRET",
  "SLACK_BOT_TOKEN",
  "SLACK_APP_TOKEN",
  "SLACK_CLIENT_SECRET",
  "SLACK_STATE_SECRET",
  "AUTH_SLACK_SECRET",
  "AUTH_GOOGLE_SECRET",
  "AUTH_OIDC_SECRET",
  "PLAUDIT_METRICS_TOKEN",
  "PLAUDIT_SANDBOX_API_KEY",
  "PLAUDIT_SANDBOX_WEBHOOK_KEY",
  "TREMENDOUS_API_KEY",
];

/** Shorter values could be ordinary words; every real secret here is far longer. */
const MIN_SECRET_LENGTH = 8;

const SECRET_SHAPES: [RegExp, string][] = [
  // Slack bot, user and app-level tokens.
  [/\bx(?:ox[a-z]|app)-[A-Za-z0-9-]{6,}/g, REDACTED],
  // Plaudit's own API keys (core/org/api-key-secret.ts).
  [/\bplaudit_[A-Za-z0-9_-]{20,}/g, `plaudit_${REDACTED}`],
  // Tremendous API keys, and the built-in sandbox's.
  [/\b(?:TEST|PROD)_[A-Za-z0-9_-]{16,}/g, REDACTED],
  [/\bsandbox_[A-Za-z0-9]{8,}/g, REDACTED],
  // Credentials in a header value.
  [/\b(Bearer|Basic)\s+[^\s"\\,;]+/gi, `$1 ${REDACTED}`],
  // Auth.js cookies: the session, and its CSRF and callback companions.
  [/((?:__Secure-|__Host-)?authjs\.[a-z-]+(?:\.\d+)?=)[^;\s"\\]+/g, `$1${REDACTED}`],
  // A password inside a URL, as in DATABASE_URL.
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@"\\]*:)[^\s@/"\\]+@/gi, `$1${REDACTED}@`],
  // Gift links: the sandbox's and Tremendous's redemption pages.
  [/(\/redeem\/)[A-Za-z0-9_-]{8,}/g, `$1${REDACTED}`],
  [/(\/rewards\/payout\/)[A-Za-z0-9_-]+/g, `$1${REDACTED}`],
];

function configuredSecrets(): string[] {
  const values = SECRET_VARIABLES.map((name) => process.env[name]).filter(
    (value): value is string => typeof value === "string" && value.length >= MIN_SECRET_LENGTH,
  );
  // As they appear inside a JSON string, too.
  return [...new Set(values.flatMap((value) => [value, JSON.stringify(value).slice(1, -1)]))];
}

/** `line` with every secret it holds replaced. Read from the environment each time: it may change at start. */
export function scrubSecrets(line: string): string {
  let scrubbed = line;
  for (const secret of configuredSecrets()) scrubbed = scrubbed.replaceAll(secret, REDACTED);
  for (const [shape, replacement] of SECRET_SHAPES) scrubbed = scrubbed.replace(shape, replacement);
  return scrubbed;
}
