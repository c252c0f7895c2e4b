import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../../db/client";
import { organizations, people } from "../../db/schema";
import { DomainError } from "../shared/errors";
import { text } from "../shared/validation";

const signInInput = z.object({
  email: text().trim().toLowerCase().pipe(z.email()),
  emailVerified: z.boolean(),
});

export type SignInRefusal = "unverified_email" | "unknown_email" | "deactivated";

export interface SignInPerson {
  personId: string;
  orgId: string;
}

function refuse(reason: SignInRefusal, message: string): DomainError {
  return new DomainError("unauthenticated", message, { reason });
}

/**
 * Maps an identity provider's verified email to the person it signs in as. Only a verified email counts:
 * an unverified one could be anyone's. When one email belongs to people of several orgs, the oldest org
 * wins, so the choice is stable across sign-ins.
 */
export async function resolveSignIn(db: Executor, input: z.input<typeof signInInput>): Promise<SignInPerson> {
  const parsed = signInInput.safeParse(input);
  if (!parsed.success) throw refuse("unknown_email", "Your sign-in did not include a usable email address.");
  if (!parsed.data.emailVerified) {
    throw refuse("unverified_email", "Your identity provider has not verified your email address.");
  }
  const matches = await db
    .select({ personId: people.id, orgId: people.orgId, active: people.active, isBot: people.isBot })
    .from(people)
    .innerJoin(organizations, eq(organizations.id, people.orgId))
    .where(and(eq(people.email, parsed.data.email), eq(people.isBot, false)))
    .orderBy(asc(organizations.createdAt), asc(organizations.id));
  const active = matches.find((match) => match.active);
  if (active) return { personId: active.personId, orgId: active.orgId };
  if (matches.length > 0) throw refuse("deactivated", "Your Plaudit account has been deactivated.");
  throw refuse("unknown_email", "No one with your email address has been added to Plaudit.");
}
