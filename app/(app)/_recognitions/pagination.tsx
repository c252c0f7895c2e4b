import Link from "next/link";
import { secondaryButtonClass } from "@/app/_components/styles";
import { hrefWith } from "./search-params";

/**
 * Keyset paging: "Older" follows the cursor of the last item shown, "Newest" goes back to the start.
 * Keyset pages have no numbers, so there is no "previous page" link. A list in another order than
 * newest first names its two links for that order.
 */
export function Pagination({
  path,
  params = {},
  cursor,
  nextCursor,
  cursorName = "cursor",
  noMore = "No older recognitions.",
  firstLabel = "Newest",
  nextLabel = "Older",
  anchor,
}: {
  path: string;
  /** The page's other search params (filters, tabs), kept on both links. */
  params?: Record<string, string | undefined>;
  /** The cursor of the page shown; none on the first page. */
  cursor: string | undefined;
  nextCursor: string | null;
  /** The search param the cursor travels in, when a page pages more than one list. */
  cursorName?: string;
  /** Said where "Older" would be on the last page. */
  noMore?: string;
  firstLabel?: string;
  nextLabel?: string;
  /** The id of the list on a page that shows more than it, so that each page opens at the list. */
  anchor?: string;
}) {
  if (!cursor && !nextCursor) return null;
  const at = anchor ? `#${anchor}` : "";
  return (
    <nav aria-label="Pages" className="mt-6 flex items-center justify-between gap-3">
      {cursor ? (
        <Link href={`${hrefWith(path, params)}${at}`} className={secondaryButtonClass}>
          <span aria-hidden="true">↑</span> {firstLabel}
        </Link>
      ) : (
        <span />
      )}
      {nextCursor ? (
        <Link
          href={`${hrefWith(path, { ...params, [cursorName]: nextCursor })}${at}`}
          className={secondaryButtonClass}
        >
          {nextLabel} <span aria-hidden="true">↓</span>
        </Link>
      ) : (
        <p className="text-sm text-stone-500">{noMore}</p>
      )}
    </nav>
  );
}
