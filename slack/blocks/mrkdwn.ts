/** Text typed outside Slack, made safe for mrkdwn: Slack reads `<`, `>` and `&` as its own markup. */
export function escapeMrkdwn(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

/** A date Slack renders in each reader's own time zone; the fallback shows where it cannot. */
export function slackDate(iso: string): string {
  const date = new Date(iso);
  return `<!date^${Math.floor(date.getTime() / 1000)}^{date_short_pretty}|${date.toISOString().slice(0, 10)}>`;
}

/** Slack's markup in a message: `<@U1>`, `<#C1|general>`, `<!here>`, `<https://x.com|x.com>`. */
const MARKUP = /<([@#!]?)([^|>]*)(?:\|([^>]*))?>/g;

/** The Slack users a message mentions, by id. */
export function mentionedUsers(text: string): string[] {
  return [...text.matchAll(MARKUP)].flatMap(([, sigil, target = ""]) => (sigil === "@" ? [target] : []));
}

/**
 * A message's text as people read it in Slack: mentions as @names (from `userNames`, or the label Slack
 * sent), channels and links by their labels, and `&amp;` `&lt;` `&gt;` as the characters they stand for.
 */
export function readMrkdwn(text: string, userNames: ReadonlyMap<string, string>): string {
  const shown = text.replace(MARKUP, (_markup, sigil: string, target: string, label?: string) => {
    if (sigil === "@") return `@${userNames.get(target) ?? label ?? "someone"}`;
    if (sigil === "#") return `#${label ?? target}`;
    // <!here>, <!subteam^S1|@design>, <!date^1700000000^{date}|Nov 14>
    if (sigil === "!") return label ?? `@${target.split("^")[0]}`;
    if (!label || target.endsWith(label)) return label || target;
    return `${label} (${target})`;
  });
  return shown.replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&");
}
