import Link from "next/link";
import { linkClass } from "./_components/styles";

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-[60vh] max-w-lg flex-col justify-center gap-3 px-6 py-16">
      <p className="text-sm font-semibold tracking-widest text-amber-700 uppercase">404</p>
      <h1 className="text-2xl font-bold">There is nothing here</h1>
      <p className="text-stone-600">The link may be old, or the page may belong to another organization.</p>
      <Link href="/" className={linkClass}>
        Back to the feed
      </Link>
    </main>
  );
}
