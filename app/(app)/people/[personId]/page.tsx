import type { Metadata } from "next";
import { guarded } from "@/app/_lib/page-guard";
import { awaitDatabase } from "@/app/_lib/unavailable";
import { signedIn } from "@/app/_lib/viewer";
import { listPersonHistory } from "@/core/feed/list-person-history";
import { DIRECTIONS, PersonHistory } from "../../_recognitions/person-history";
import { choiceParam, firstParam, type SearchParams } from "../../_recognitions/search-params";
import { loadProfile } from "./profile";

export async function generateMetadata({
  params,
}: {
  params: Promise<{ personId: string }>;
}): Promise<Metadata> {
  const { person } = await loadProfile((await params).personId);
  return { title: `${person.name} · Plaudit` };
}

/** The person's recognitions, under the profile their layout shows. */
export default async function PersonPage({
  params,
  searchParams,
}: {
  params: Promise<{ personId: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { db, actor, org } = await signedIn();
  const [{ personId }, query] = await Promise.all([params, searchParams]);
  const direction = choiceParam(query, "direction", DIRECTIONS);
  const cursor = firstParam(query, "cursor");
  const [{ person }, history] = await awaitDatabase(
    Promise.all([
      loadProfile(personId),
      guarded(listPersonHistory(db, actor, { personId, direction, cursor })),
    ]),
  );

  return (
    <section aria-labelledby="history-heading" className="space-y-3">
      <h2 id="history-heading" className="text-lg font-semibold">
        Recognition
      </h2>
      <PersonHistory
        path={`/people/${person.id}`}
        person={person}
        direction={direction}
        cursor={cursor}
        page={history}
        timeZone={org.timeZone}
        now={new Date()}
      />
    </section>
  );
}
