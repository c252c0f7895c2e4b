/** What replaces free text that erasure removes: a recognition's message, a boost's reason, a memo. */
export const ERASED_TEXT = "[erased]";

/** The person being erased, as they were: what identifies them, for finding every copy of it. */
export interface ErasedIdentity {
  orgId: string;
  personId: string;
  name: string;
  /** Lower-case, as people's emails are stored. */
  email: string;
  externalEmployeeId: string | null;
  slackTeamId: string | null;
  slackUserId: string | null;
}

/** What the person is called once erased. */
export interface Placeholders {
  name: string;
  email: string;
}

/**
 * A name that says what happened, with a short tag from the id so that two erased people in one list
 * can be told apart; the same id always gives the same name, so erasing twice changes nothing.
 */
export function placeholdersFor(personId: string): Placeholders {
  return {
    name: `Erased person ${personId.slice(0, 6)}`,
    // `.invalid` is reserved (RFC 2606): no mail can ever be delivered there. The id keeps it unique.
    email: `erased-${personId}@erased.invalid`,
  };
}
