import Link from "next/link";

/** A person's name that opens their profile. */
export function PersonLink({ id, name }: { id: string; name: string }) {
  return (
    <Link
      href={`/people/${id}`}
      className="rounded-sm font-semibold text-stone-900 underline-offset-4 outline-none hover:text-amber-800 hover:underline focus-visible:outline-2 focus-visible:outline-amber-600"
    >
      {name}
    </Link>
  );
}
