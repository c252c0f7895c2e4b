import Link from "next/link";
import { EmptyState } from "@/app/_components/panel";
import { linkClass } from "@/app/_components/styles";
import type { RecognitionPage } from "@/core/feed/recognition-list";
import { Pagination } from "./pagination";
import { RecognitionList } from "./recognition-list";
import { hrefWith } from "./search-params";
import { TabLinks } from "./tab-links";

export const DIRECTIONS = ["all", "received", "given"] as const;
export type Direction = (typeof DIRECTIONS)[number];

const DIRECTION_LABELS: Record<Direction, string> = { all: "All", received: "Received", given: "Given" };

const thankSomeone = (
  <Link href="/" className={linkClass}>
    Thank a colleague on the feed
  </Link>
);

function EmptyHistory({ direction, name, isSelf }: { direction: Direction; name: string; isSelf: boolean }) {
  if (isSelf) {
    if (direction === "received") {
      return (
        <EmptyState title="No one has thanked you yet">Recognition you receive shows up here.</EmptyState>
      );
    }
    return (
      <EmptyState title={direction === "given" ? "You haven't given points yet" : "Nothing here yet"}>
        {thankSomeone} and it shows up here.
      </EmptyState>
    );
  }
  if (direction === "received") {
    return (
      <EmptyState title={`No one has thanked ${name} yet`}>
        Be the first:{" "}
        <Link href="/" className={linkClass}>
          give them points on the feed
        </Link>
        .
      </EmptyState>
    );
  }
  return (
    <EmptyState
      title={direction === "given" ? `${name} hasn't given points yet` : `${name} has no recognition yet`}
    >
      What they give and receive shows up here.
    </EmptyState>
  );
}

/**
 * One person's recognitions, with a received/given/all switch and keyset paging. The page fetched
 * `page` for `direction` and `cursor`; this renders it and the links to the other views.
 */
export function PersonHistory({
  path,
  person,
  direction,
  cursor,
  page,
  timeZone,
  now,
}: {
  /** The page this history is on, for its links. */
  path: string;
  person: { id: string; name: string; isSelf: boolean };
  direction: Direction;
  cursor: string | undefined;
  page: RecognitionPage;
  timeZone: string;
  now: Date;
}) {
  const directionParam = (choice: Direction) => (choice === "all" ? undefined : choice);
  return (
    <div className="space-y-4">
      <TabLinks
        label="Show"
        tabs={DIRECTIONS.map((choice) => ({
          href: hrefWith(path, { direction: directionParam(choice) }),
          label: DIRECTION_LABELS[choice],
          current: choice === direction,
        }))}
      />
      <RecognitionList
        label={person.isSelf ? "Your recognition" : `${person.name}'s recognition`}
        page={page}
        interactive
        viewpoint={person.id}
        timeZone={timeZone}
        now={now}
        empty={<EmptyHistory direction={direction} name={person.name} isSelf={person.isSelf} />}
      />
      <Pagination
        path={path}
        params={{ direction: directionParam(direction) }}
        cursor={cursor}
        nextCursor={page.nextCursor}
      />
    </div>
  );
}
