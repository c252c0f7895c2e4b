import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { App } from "@slack/bolt";
import type { AppsManifestCreateArguments } from "@slack/web-api";
import { describe, expect, it } from "vitest";
import { OAUTH_REDIRECT_PATH } from "../../slack/install/oauth-state";
import { registerListeners } from "../../slack/listeners/register";

const root = path.resolve(import.meta.dirname, "../..");
const manifestText = readFileSync(path.join(root, "slack/manifest.json"), "utf8");
// Typed as the Web API's own manifest shape, so a misspelt or misplaced field fails the type check.
const manifest: AppsManifestCreateArguments["manifest"] = JSON.parse(manifestText);

const HOST = "https://YOUR-HOST";
const EVENTS_PATH = "/api/slack/events";

/** What `registerListeners` asks Bolt for, recorded by a stand-in that accepts any registration. */
function registrations(): Map<string, unknown[]> {
  const seen = new Map<string, unknown[]>();
  const recorder = new Proxy(
    {},
    {
      get: (_target, method: string) => (constraint?: unknown) => {
        seen.set(method, [...(seen.get(method) ?? []), constraint]);
      },
    },
  );
  registerListeners(recorder as App);
  return seen;
}

/** Every `.family.method(` call to the Web API in the Slack code and its routes, as `family.method`. */
function webApiMethodsUsed(): Set<string> {
  const files = ["slack", "app/api/slack"].flatMap((dir) =>
    readdirSync(path.join(root, dir), { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith(".ts"))
      .map((file) => path.join(root, dir, file)),
  );
  const call =
    /\.\s*(auth|chat|conversations|oauth|reactions|users|views)\s*\.\s*((?:v2\s*\.\s*)?[a-zA-Z]+)\s*\(/g;
  const methods = new Set<string>();
  for (const file of files) {
    for (const match of readFileSync(file, "utf8").matchAll(call))
      methods.add(`${match[1]}.${match[2]?.replace(/\s/g, "")}`);
  }
  return methods;
}

/**
 * The bot scopes each Web API method Plaudit calls needs (https://api.slack.com/methods). A method missing
 * here fails the test below: decide its scope, and add it to the manifest if it needs one.
 */
const METHOD_SCOPES: Record<string, string[]> = {
  "auth.test": [],
  "oauth.v2.access": [],
  "chat.postMessage": ["chat:write"],
  "chat.postEphemeral": ["chat:write"],
  "chat.getPermalink": [],
  "conversations.open": ["im:write"],
  // The bot shows the web's reactions on a recognition's post as its own.
  "reactions.add": ["reactions:write"],
  "reactions.remove": ["reactions:write"],
  // The email links a Slack user to a person (slack/slack-profiles.ts reads `profile.email`).
  "users.info": ["users:read", "users:read.email"],
  "views.open": [],
  "views.publish": [],
  "views.update": [],
  "views.push": [],
};

/** Scopes no single method call shows. */
const OTHER_SCOPES = {
  // Slash commands and shortcuts both arrive under this scope.
  commands: "/give and the message shortcut",
  // The org's recognition channel gets a post whether or not the app was invited to it.
  "chat:write.public": "posting to the recognition channel",
};

/** The Events API subscriptions a `message` listener needs, and the scopes those need. */
const MESSAGE_EVENTS = { "message.channels": "channels:history", "message.groups": "groups:history" };

/** The scope each subscribed event needs, beyond the events Slack sends every app. */
const EVENT_SCOPES: Record<string, string> = {
  ...MESSAGE_EVENTS,
  reaction_added: "reactions:read",
  reaction_removed: "reactions:read",
};

describe("slack/manifest.json", () => {
  it("is a manifest that creates the Plaudit app with its bot, App Home and settings", () => {
    expect(manifest.display_information.name).toBe("Plaudit");
    expect(manifest.features?.bot_user?.display_name).toBe("Plaudit");
    expect(manifest.features?.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true });
    expect(manifest.settings?.interactivity?.is_enabled).toBe(true);
    expect(manifest.settings?.socket_mode_enabled).toBe(false);
    expect(manifest.settings?.org_deploy_enabled).toBe(false);
  });

  it("sends every request to the one request URL, and Slack back to the OAuth redirect route", () => {
    const requestUrls = [
      manifest.settings?.event_subscriptions?.request_url,
      manifest.settings?.interactivity?.request_url,
      ...(manifest.features?.slash_commands ?? []).map((command) => command.url),
    ];
    expect(new Set(requestUrls)).toEqual(new Set([`${HOST}${EVENTS_PATH}`]));
    expect(manifest.oauth_config?.redirect_urls).toEqual([`${HOST}${OAUTH_REDIRECT_PATH}`]);
    for (const route of [EVENTS_PATH, OAUTH_REDIRECT_PATH, "/api/slack/install"]) {
      expect(existsSync(path.join(root, "app", route, "route.ts")), route).toBe(true);
    }
  });

  it("declares exactly the slash commands the app listens to, escaped so mentions arrive as ids", () => {
    const commands = manifest.features?.slash_commands ?? [];
    expect(new Set(commands.map((command) => command.command))).toEqual(
      new Set(registrations().get("command")),
    );
    for (const command of commands) {
      expect(command.should_escape, command.command).toBe(true);
      expect(command.usage_hint, command.command).toBeTruthy();
    }
  });

  it("declares exactly the shortcuts the app listens to, as message shortcuts", () => {
    const shortcuts = manifest.features?.shortcuts ?? [];
    expect(new Set(shortcuts.map((shortcut) => shortcut.callback_id))).toEqual(
      new Set(registrations().get("shortcut")),
    );
    expect(shortcuts.find((shortcut) => shortcut.callback_id === "give_points_for_message")).toMatchObject({
      type: "message",
      name: "Give points for this",
    });
  });

  it("subscribes to exactly the events the app listens to", () => {
    const seen = registrations();
    const listensToMessages = (seen.get("message") ?? []).length > 0;
    const expected = [
      ...(seen.get("event") ?? []),
      ...(listensToMessages ? Object.keys(MESSAGE_EVENTS) : []),
    ];
    expect(new Set(manifest.settings?.event_subscriptions?.bot_events)).toEqual(new Set(expected));
    expect(expected).toEqual(
      expect.arrayContaining([
        "app_home_opened",
        "message.channels",
        "message.groups",
        "reaction_added",
        "reaction_removed",
      ]),
    );
  });

  it("asks for exactly the bot scopes the code needs", () => {
    const used = webApiMethodsUsed();
    const unknown = [...used].filter((method) => !(method in METHOD_SCOPES));
    expect(unknown, "Web API methods without a known scope: add them to METHOD_SCOPES").toEqual([]);
    const events = manifest.settings?.event_subscriptions?.bot_events ?? [];
    const needed = new Set([
      ...[...used].flatMap((method) => METHOD_SCOPES[method] ?? []),
      ...Object.keys(OTHER_SCOPES),
      ...(events as string[]).flatMap((event) => EVENT_SCOPES[event] ?? []),
    ]);
    expect(new Set(manifest.oauth_config?.scopes?.bot)).toEqual(needed);
    // The ones the listeners cannot work without, whatever the scan finds.
    expect([...needed]).toEqual(
      expect.arrayContaining(["chat:write", "im:write", "users:read", "users:read.email", "commands"]),
    );
  });
});
