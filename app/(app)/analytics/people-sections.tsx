import { ColumnHeads } from "@/app/_components/column-heads";
import { EmptyState, Panel } from "@/app/_components/panel";
import { Points } from "@/app/_components/points";
import { ScrollBox } from "@/app/_components/scroll-box";
import type { PersonFigures } from "@/core/analytics/analytics-series";
import type { Analytics } from "@/core/analytics/get-analytics";
import { PersonLink } from "../_recognitions/person-link";
import type { FilterValues } from "./filters-form";
import { DownloadLink, nameCell, numberCell } from "./section-frame";

/** People listed on the page; the CSV has everyone. */
const SHOWN = 100;
const DAY_MS = 24 * 60 * 60 * 1000;

function Person({ id, name, active }: { id: string; name: string; active: boolean }) {
  return active ? <PersonLink id={id} name={name} /> : <span className="font-semibold">{name}</span>;
}

function TopTable({
  title,
  people,
  analytics,
  section,
  filters,
}: {
  title: string;
  people: PersonFigures[];
  analytics: Analytics;
  section: "givers" | "receivers";
  filters: FilterValues;
}) {
  return (
    <div className="min-w-0">
      <h3 className="mb-2 text-sm font-semibold">{title}</h3>
      {people.length === 0 ? (
        <EmptyState title="No one yet in these months" />
      ) : (
        <ScrollBox label={title}>
          <table className="w-full text-sm">
            <caption className="sr-only">{title}</caption>
            <ColumnHeads
              style="compact"
              columns={[
                { label: "Person" },
                { label: "Recognitions", numeric: true },
                { label: "Points", numeric: true },
              ]}
            />
            <tbody className="divide-y divide-stone-100">
              {people.map((person) => (
                <tr key={person.personId}>
                  <th scope="row" className={`${nameCell} font-normal`}>
                    <Person id={person.personId} name={person.name} active={person.active} />
                    {person.department ? (
                      <span className="block text-xs text-stone-500">{person.department}</span>
                    ) : null}
                  </th>
                  <td className={numberCell}>{person.recognitions.toLocaleString("en-US")}</td>
                  <td className={numberCell}>
                    <Points points={person.points} value={analytics.pointValue} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
      <div className="mt-3">
        <DownloadLink section={section} filters={filters} label={title} />
      </div>
    </div>
  );
}

export function TopPeopleSection({ analytics, filters }: { analytics: Analytics; filters: FilterValues }) {
  return (
    <Panel
      title="Top givers and receivers"
      description="Who gave and who received the most points over these months."
    >
      <div className="grid gap-6 lg:grid-cols-2">
        <TopTable
          title="Top givers"
          people={analytics.topGivers}
          analytics={analytics}
          section="givers"
          filters={filters}
        />
        <TopTable
          title="Top receivers"
          people={analytics.topReceivers}
          analytics={analytics}
          section="receivers"
          filters={filters}
        />
      </div>
    </Panel>
  );
}

export function NotRecognisedSection({
  analytics,
  filters,
  timeZone,
}: {
  analytics: Analytics;
  filters: FilterValues;
  timeZone: string;
}) {
  const { notRecognised, days } = analytics;
  const title = `Not recognized in ${days} ${days === 1 ? "day" : "days"}`;
  const asOf = Date.parse(analytics.asOf);
  const shown = notRecognised.slice(0, SHOWN);
  const date = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone });
  return (
    <Panel
      title={title}
      description={
        notRecognised.length === 0
          ? undefined
          : `${notRecognised.length.toLocaleString("en-US")} ${notRecognised.length === 1 ? "person" : "people"} as of today, whatever the months chosen; the longest waiting first.${notRecognised.length > SHOWN ? ` The first ${SHOWN} are listed; the CSV has everyone.` : ""}`
      }
    >
      {notRecognised.length === 0 ? (
        <EmptyState title={`Everyone has been recognized in the last ${days} days`} />
      ) : (
        <ScrollBox label={title}>
          <table className="w-full text-sm">
            <caption className="sr-only">{title}</caption>
            <ColumnHeads
              style="compact"
              columns={[
                { label: "Person" },
                { label: "Department" },
                { label: "Last recognized", numeric: true },
              ]}
            />
            <tbody className="divide-y divide-stone-100">
              {shown.map((person) => (
                <tr key={person.personId}>
                  <th scope="row" className={`${nameCell} font-normal`}>
                    <PersonLink id={person.personId} name={person.name} />
                  </th>
                  <td className={nameCell}>{person.department ?? "–"}</td>
                  <td className={numberCell}>
                    {person.lastRecognizedAt === null ? (
                      "Never"
                    ) : (
                      <>
                        {date.format(new Date(person.lastRecognizedAt))}
                        <span className="block text-xs text-stone-500">
                          {Math.floor((asOf - Date.parse(person.lastRecognizedAt)) / DAY_MS)} days ago
                        </span>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
      <div className="mt-4">
        <DownloadLink section="not-recognised" filters={filters} label={title} />
      </div>
    </Panel>
  );
}
