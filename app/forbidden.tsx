import Link from "next/link";
import { linkClass } from "./_components/styles";

export default function Forbidden() {
  return (
    <main className="mx-auto flex min-h-[60vh] max-w-lg flex-col justify-center gap-3 px-6 py-16">
      <p className="text-sm font-semibold tracking-widest text-amber-700 uppercase">403</p>
      <h1 className="text-2xl font-bold">You don't have access to this page</h1>
      <p className="text-stone-600">
        It is for people with a different role in your organization. If you think you should have access, ask
        an admin.
      </p>
      <Link href="/" className={linkClass}>
        Back to the feed
      </Link>
    </main>
  );
}
