import { randomUUID } from "node:crypto";
import type { HttpClient } from "../../testing/http-client";
import { slashCommand } from "../../testing/slack-requests";
import { type SlackBenchOrg, slackUserId } from "./seed";

const EVENTS_PATH = "/api/slack/events";

/** How the acks of a run went, beside the latencies that the load loop keeps. */
export interface AckTally {
  /** Commands answered with another status than 200, by status. */
  statuses: Map<number, number>;
  /** Commands not answered within the timeout: Slack would have shown the user an error and retried. */
  timeouts: number;
}

export function emptyTally(): AckTally {
  return { statuses: new Map(), timeouts: 0 };
}

export function non200(tally: AckTally): number {
  return [...tally.statuses.values()].reduce((sum, count) => sum + count, 0);
}

/**
 * Command i gives from person 1 + i to the person half the org further on: within one pass over the
 * org no one gives twice or receives twice, and no one thanks themselves.
 */
function pair(i: number, people: number): { giver: number; recipient: number } {
  const giver = i % people;
  const recipient = (giver + Math.floor(people / 2)) % people;
  return { giver: giver + 1, recipient: recipient + 1 };
}

/** `/give @recipient 1 for ...` as Slack posts it: signed, form-encoded, a fresh trigger id. */
async function signedGive(org: SlackBenchOrg, signingSecret: string, i: number) {
  const { giver, recipient } = pair(i, org.people);
  const request = slashCommand(
    {
      text: `<@${slackUserId(recipient)}|person${recipient}> 1 for keeping the release train on time`,
      userId: slackUserId(giver),
      teamId: org.teamId,
      triggerId: `${i}.${randomUUID()}`,
    },
    { secret: signingSecret },
  );
  return { headers: Object.fromEntries(request.headers), body: await request.text() };
}

/** What the acknowledgements said: a confirmation once the give is saved, or anything else. */
export interface AckTexts {
  confirmations: number;
  others: string[];
}

/** The text of an acknowledgement, which for a give is the ephemeral answer to the giver. */
function ackText(body: string): string {
  try {
    return String((JSON.parse(body) as { text?: unknown }).text ?? "");
  } catch {
    return body;
  }
}

/**
 * Sends the org's next give command each time it is called and resolves once the command is
 * acknowledged, refused or given up on after `timeoutMs`, tallying the last two; `sent()` says how many
 * commands went out and `acks()` what their acknowledgements said. A command given up on is left to
 * finish on the server, as it would be with Slack.
 */
export function giveCommands(
  client: HttpClient,
  org: SlackBenchOrg,
  signingSecret: string,
  timeoutMs: number,
): { send: (tally: AckTally) => Promise<void>; sent: () => number; acks: () => AckTexts } {
  let next = 0;
  const acks: AckTexts = { confirmations: 0, others: [] };
  const send = async (tally: AckTally) => {
    const { headers, body } = await signedGive(org, signingSecret, next++);
    let timer: NodeJS.Timeout | undefined;
    const gaveUp = new Promise<"timeout">((resolve) => {
      timer = setTimeout(() => resolve("timeout"), timeoutMs);
    });
    try {
      const answer = await Promise.race([
        client.request(EVENTS_PATH, { method: "POST", headers, body }),
        gaveUp,
      ]);
      if (answer === "timeout") tally.timeouts += 1;
      else if (answer.status !== 200) {
        tally.statuses.set(answer.status, (tally.statuses.get(answer.status) ?? 0) + 1);
      } else {
        const text = ackText(answer.body);
        if (text.startsWith("You gave ")) acks.confirmations += 1;
        else acks.others.push(text);
      }
    } finally {
      clearTimeout(timer);
    }
  };
  return { send, sent: () => next, acks: () => acks };
}
