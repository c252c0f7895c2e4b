import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { buttonClass, secondaryButtonClass } from "@/app/_components/styles";
import { auth, signIn } from "@/app/_lib/auth";
import { sameOriginPath } from "@/app/_lib/same-origin-path";
import { countSignInAttempt, signInLimitedMessage, signInLimitedPath } from "@/app/_lib/sign-in-limit";
import { DEMO_LOGIN, demoLoginEnabled, signInOptions } from "@/app/_lib/sign-in-providers";
import { awaitDatabase } from "@/app/_lib/unavailable";
import { listDemoPeople } from "@/core/sign-in/list-demo-people";
import { getDb } from "@/db/client";
import { DemoLoginForm } from "./demo-login-form";

export const metadata: Metadata = { title: "Sign in · Plaudit" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  // Only a path on this site: anything else would make the sign-in page an open redirect.
  const callbackUrl = sameOriginPath(params.callbackUrl) ?? "/";
  const session = await auth();
  if (session?.personId) redirect(callbackUrl);

  const providers = signInOptions().filter((option) => option.id !== DEMO_LOGIN);
  const demoPeople = demoLoginEnabled() ? await awaitDatabase(listDemoPeople(getDb())) : [];

  async function signInWith(form: FormData) {
    "use server";
    await signIn(String(form.get("provider")), { redirectTo: callbackUrl });
  }

  async function demoSignIn(form: FormData) {
    "use server";
    // Counted here: Auth.js signs the demo login in without a request to its route.
    const wait = await countSignInAttempt(await headers());
    if (wait !== null) redirect(signInLimitedPath(wait, callbackUrl));
    await signIn(DEMO_LOGIN, { personId: String(form.get("personId")), redirectTo: callbackUrl });
  }

  const limitedFor = Number(typeof params.limited === "string" ? params.limited : Number.NaN);

  return (
    <div className="rounded-2xl border border-stone-200 bg-white p-6 shadow-sm sm:p-8">
      <h1 className="text-xl font-bold">Sign in</h1>
      <p className="mt-1 text-sm text-stone-600">Thank your colleagues and see what you have earned.</p>
      {Number.isInteger(limitedFor) && limitedFor > 0 ? (
        <p role="alert" className="mt-4 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
          {signInLimitedMessage(limitedFor)}
        </p>
      ) : null}
      {providers.length > 0 ? (
        <form action={signInWith} className="mt-6 space-y-3">
          {providers.map((provider, index) => (
            <button
              key={provider.id}
              type="submit"
              name="provider"
              value={provider.id}
              className={`w-full ${index === 0 ? buttonClass : secondaryButtonClass}`}
            >
              Sign in with {provider.name}
            </button>
          ))}
        </form>
      ) : null}
      {demoPeople.length > 0 ? (
        <DemoLoginForm people={demoPeople} action={demoSignIn} separated={providers.length > 0} />
      ) : null}
      {providers.length === 0 && demoPeople.length === 0 ? (
        <p role="alert" className="mt-6 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
          No sign-in method is configured. An operator sets Slack, Google or company single sign-on in the
          environment (see the README).
        </p>
      ) : null}
    </div>
  );
}
