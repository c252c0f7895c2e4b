import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/app/_components/page-header";
import { linkClass } from "@/app/_components/styles";
import { guarded } from "@/app/_lib/page-guard";
import { signedIn } from "@/app/_lib/viewer";
import { listPersonHistory } from "@/core/feed/list-person-history";
import { DIRECTIONS, PersonHistory } from "../_recognitions/person-history";
import { choiceParam, firstParam, type SearchParams } from "../_recognitions/search-params";

export const metadata: Metadata = { title: "My history · Plaudit" };

export default async function HistoryPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { db, actor, org, person } = await signedIn();
  const params = await searchParams;
  const direction = choiceParam(params, "direction", DIRECTIONS);
  const cursor = firstParam(params, "cursor");
  const page = await guarded(
    listPersonHistory(db, actor, { personId: person.id, direction, cursor, withEarnedBalance: true }),
  );

  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title="My history"
        description={
          <>
            The recognition you have received (+) and given (−), with your earned balance after each.{" "}
            <Link href={`/people/${person.id}`} className={linkClass}>
              See your totals
            </Link>
          </>
        }
      />
      <PersonHistory
        path="/history"
        person={{ id: person.id, name: person.name, isSelf: true }}
        direction={direction}
        cursor={cursor}
        page={page}
        timeZone={org.timeZone}
        now={new Date()}
      />
    </div>
  );
}
