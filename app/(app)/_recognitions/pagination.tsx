import Link from "next/link";
import { secondaryButtonClass } from "@/app/_components/styles";
import { hrefWith } from "./search-params";

/**
 * Keyset paging: "Older" follows the cursor of the last item shown, "Newest" goes back to the start.
 * Keyset pages have no numbers, so there is no "previous page" link.
 */
export function Pagination({
  path,
  params = {},
  cursor,
  nextCursor,
  endNote = "No older recognitions.",
}: {
  path: string;
  /** The page's other search params (filters, tabs), kept on both links. */
  params?: Record<string, string | undefined>;
  /** The cursor of the page shown; none on the first page. */
  cursor: string | undefined;
  nextCursor: string | null;
  /** Said on the last page, where "Older" would be. */
  endNote?: string;
}) {
  if (!cursor && !nextCursor) return null;
  return (
    <nav aria-label="Pages" className="mt-6 flex items-center justify-between gap-3">
      {cursor ? (
        <Link href={hrefWith(path, params)} className={secondaryButtonClass}>
          <span aria-hidden="true">↑</span> Newest
        </Link>
      ) : (
        <span />
      )}
      {nextCursor ? (
        <Link href={hrefWith(path, { ...params, cursor: nextCursor })} className={secondaryButtonClass}>
          Older <span aria-hidden="true">↓</span>
        </Link>
      ) : (
        <p className="text-sm text-stone-500">{endNote}</p>
      )}
    </nav>
  );
}
