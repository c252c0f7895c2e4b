import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** One Web API call as the fake received it: the method and its arguments (form or JSON, decoded). */
export interface SlackCall {
  method: string;
  args: Record<string, unknown>;
  token: string | null;
}

export interface FakeSlackUser {
  id: string;
  name: string;
  email?: string;
  isBot?: boolean;
  deleted?: boolean;
  teamId?: string;
}

/** A workspace that an OAuth install code stands for: what `oauth.v2.access` answers for it. */
export interface FakeSlackInstall {
  teamId: string;
  teamName?: string;
  botToken: string;
  botUserId?: string;
  /** The Slack user who clicked "Allow". */
  userId?: string;
  scope?: string;
}

export interface FakeSlack {
  /** Base URL for SLACK_API_URL, ending with a slash as the Web API client expects. */
  url: string;
  calls: SlackCall[];
  callsTo: (method: string) => SlackCall[];
  addUser: (user: FakeSlackUser) => void;
  /** Lets `oauth.v2.access` exchange `code` once, as Slack does; any other code is `invalid_code`. */
  addInstallCode: (code: string, install: FakeSlackInstall) => void;
  /** The emoji names the bot has on a message now, after its reactions.add and reactions.remove calls. */
  botReactionsOn: (channel: string, ts: string) => string[];
  /** Makes the next calls to a method fail with this Slack error code. */
  failNext: (method: string, error: string) => void;
  /**
   * Answers every call with an HTTP error until called with null: 500 as when Slack is down, or 429
   * `ratelimited` with a Retry-After of one second. Calls are still recorded.
   */
  setOutage: (status: 500 | 429 | null) => void;
  close: () => Promise<void>;
}

/** Slack's answer to arguments it can't read: a JSON body or a JSON-looking form field that does not parse. */
const UNREADABLE = "invalid_arguments";

async function readArgs(request: IncomingMessage): Promise<Record<string, unknown> | typeof UNREADABLE> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString();
  try {
    if ((request.headers["content-type"] ?? "").includes("application/json")) return JSON.parse(raw || "{}");
    const form: Record<string, unknown> = {};
    for (const [key, value] of new URLSearchParams(raw)) {
      // The client sends objects and arrays (blocks, views) as JSON strings inside the form.
      form[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
    }
    return form;
  } catch {
    return UNREADABLE;
  }
}

/**
 * A stand-in for Slack's Web API on 127.0.0.1 that answers the methods Plaudit calls with the documented
 * response shapes, and records every call so tests can assert on what would have reached Slack.
 */
export async function startFakeSlack(
  bot = { userId: "UBOT", botId: "BBOT", teamId: "T0001" },
): Promise<FakeSlack> {
  const calls: SlackCall[] = [];
  const users = new Map<string, FakeSlackUser>();
  const failures = new Map<string, string>();
  const installCodes = new Map<string, FakeSlackInstall>();
  /** The bot's own reactions, as `channel ts name`: Slack keeps one of each per user and message. */
  const botReactions = new Set<string>();
  let outage: 500 | 429 | null = null;
  let counter = 0;
  const nextTs = () => `${Math.floor(Date.now() / 1000)}.${String(++counter).padStart(6, "0")}`;

  const answer = (call: SlackCall): Record<string, unknown> => {
    const failure = failures.get(call.method);
    if (failure) {
      failures.delete(call.method);
      return { ok: false, error: failure };
    }
    switch (call.method) {
      case "auth.test":
        return { ok: true, user_id: bot.userId, bot_id: bot.botId, team_id: bot.teamId, team: "Fake" };
      case "users.info": {
        const user = users.get(String(call.args.user));
        if (!user) return { ok: false, error: "user_not_found" };
        return {
          ok: true,
          user: {
            id: user.id,
            team_id: user.teamId ?? bot.teamId,
            name: user.name.toLowerCase().replace(/\s+/g, "."),
            real_name: user.name,
            deleted: user.deleted ?? false,
            is_bot: user.isBot ?? false,
            profile: { real_name: user.name, display_name: user.name, email: user.email },
          },
        };
      }
      case "conversations.open":
        return { ok: true, channel: { id: `D${String(call.args.users)}` } };
      case "chat.postMessage":
        return { ok: true, channel: call.args.channel, ts: nextTs(), message: { text: call.args.text } };
      case "chat.postEphemeral":
        return { ok: true, message_ts: nextTs() };
      case "chat.getPermalink":
        return {
          ok: true,
          permalink: `https://fake.slack.com/archives/${call.args.channel}/p${String(call.args.message_ts).replace(".", "")}`,
        };
      case "reactions.add":
      case "reactions.remove": {
        const reaction = `${call.args.channel} ${call.args.timestamp} ${call.args.name}`;
        if (call.method === "reactions.add") {
          if (botReactions.has(reaction)) return { ok: false, error: "already_reacted" };
          botReactions.add(reaction);
        } else if (!botReactions.delete(reaction)) {
          return { ok: false, error: "no_reaction" };
        }
        return { ok: true };
      }
      case "views.publish":
      case "views.open":
      case "views.update":
      case "views.push":
        return { ok: true, view: { id: `V${++counter}`, ...(call.args.view as object) } };
      case "oauth.v2.access": {
        const install = installCodes.get(String(call.args.code));
        if (!install) return { ok: false, error: "invalid_code" };
        installCodes.delete(String(call.args.code));
        return {
          ok: true,
          access_token: install.botToken,
          token_type: "bot",
          scope: install.scope ?? "commands,chat:write",
          bot_user_id: install.botUserId ?? bot.userId,
          app_id: "A0PLAUDIT",
          team: { id: install.teamId, name: install.teamName ?? "Fake" },
          enterprise: null,
          authed_user: { id: install.userId ?? "UINSTALLER" },
          is_enterprise_install: false,
        };
      }
      default:
        return { ok: false, error: "unknown_method" };
    }
  };

  const server: Server = createServer(async (request, response) => {
    const method = (request.url ?? "/").replace(/^\/+/, "").split("?")[0] ?? "";
    const args = await readArgs(request);
    const authorization = request.headers.authorization;
    const token = authorization ? authorization.replace(/^Bearer /, "") : null;
    if (args === UNREADABLE) {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ ok: false, error: UNREADABLE }));
      return;
    }
    const call = { method, args, token };
    calls.push(call);
    if (outage === 429) {
      response.writeHead(429, { "content-type": "application/json", "retry-after": "1" });
      response.end(JSON.stringify({ ok: false, error: "ratelimited" }));
      return;
    }
    if (outage === 500) {
      response.writeHead(500, { "content-type": "text/plain" });
      response.end("Internal Server Error");
      return;
    }
    response.writeHead(200, { "content-type": "application/json" });
    response.end(JSON.stringify(answer(call)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    calls,
    callsTo: (method) => calls.filter((call) => call.method === method),
    addUser: (user) => users.set(user.id, user),
    addInstallCode: (code, install) => installCodes.set(code, install),
    botReactionsOn: (channel, ts) =>
      [...botReactions].flatMap((reaction) => {
        const [onChannel, onTs, name = ""] = reaction.split(" ");
        return onChannel === channel && onTs === ts ? [name] : [];
      }),
    failNext: (method, error) => failures.set(method, error),
    setOutage: (status) => {
      outage = status;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
