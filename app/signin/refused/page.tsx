import type { Metadata } from "next";
import { buttonClass } from "@/app/_components/styles";
import { signOut } from "@/app/_lib/auth";

export const metadata: Metadata = { title: "Couldn't sign you in · Plaudit" };

const REASONS: Record<string, { title: string; body: string }> = {
  unknown_email: {
    title: "We couldn't find you in Plaudit",
    body: "No one with your email address has been added to your organization yet. Ask an admin to add you, then sign in again.",
  },
  unverified_email: {
    title: "Your email address isn't verified",
    body: "Your identity provider did not confirm your email address, so we can't tell who you are. Verify it with your provider, then sign in again.",
  },
  deactivated: {
    title: "Your account has been deactivated",
    body: "You can no longer sign in to Plaudit. If this is a mistake, ask an admin to reactivate you.",
  },
};

const FALLBACK = {
  title: "We couldn't sign you in",
  body: "The sign-in did not complete. Try again, or use another way to sign in.",
};

export default async function SignInRefusedPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { reason } = await searchParams;
  const explanation = (typeof reason === "string" && REASONS[reason]) || FALLBACK;

  async function startOver() {
    "use server";
    await signOut({ redirectTo: "/signin" });
  }

  return (
    <div className="rounded-2xl border border-stone-200 bg-white p-6 shadow-sm sm:p-8">
      <h1 className="text-xl font-bold">{explanation.title}</h1>
      <p className="mt-2 text-stone-600">{explanation.body}</p>
      <form action={startOver} className="mt-6">
        <button type="submit" className={buttonClass}>
          Sign in with another account
        </button>
      </form>
    </div>
  );
}
