import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/app/_components/page-header";
import { EmptyState } from "@/app/_components/panel";
import { secondaryButtonClass } from "@/app/_components/styles";
import { awaitDatabase } from "@/app/_lib/unavailable";
import { signedIn } from "@/app/_lib/viewer";
import { listInbox } from "@/core/inbox/list-inbox";
import { When } from "../_recognitions/when";
import { markAllRead } from "./actions";
import { eventText } from "./event-text";

export const metadata: Metadata = { title: "Notifications · Plaudit" };

/** What happened to and around the viewer, newest first, the unread marked until they say they've seen it. */
export default async function NotificationsPage() {
  const { db, actor, org } = await signedIn();
  const { events } = await awaitDatabase(listInbox(db, actor));
  const unread = events.filter((event) => event.unread).length;
  const now = new Date();
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title="Notifications"
        description="Recognition you received, comments, reactions and add-ons on it, and news of your rewards."
      />
      {unread > 0 ? (
        <form
          action={async () => {
            "use server";
            await markAllRead();
          }}
          className="mb-4"
        >
          <button type="submit" className={secondaryButtonClass}>
            Mark all {unread} as read
          </button>
        </form>
      ) : null}
      {events.length === 0 ? (
        <EmptyState title="Nothing yet">
          When someone thanks you, comments on or reacts to your recognition, it shows up here.
        </EmptyState>
      ) : (
        <ul aria-label="Notifications" className="space-y-2">
          {events.map((event) => (
            <li
              key={`${event.kind}:${event.at}:${event.recognitionId ?? event.detail}:${event.actor?.id ?? ""}`}
              className={`flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 rounded-xl border p-4 text-sm ${
                event.unread ? "border-amber-300 bg-amber-50" : "border-stone-200 bg-white"
              }`}
            >
              <p className="min-w-0 text-stone-800">
                {event.unread ? <span className="sr-only">Unread: </span> : null}
                {eventText(event)}
              </p>
              <p className="text-xs text-stone-600">
                <When iso={event.at} timeZone={org.timeZone} now={now} />
                {event.kind === "redemption" || event.kind === "approval" ? (
                  <>
                    {" · "}
                    <Link
                      href={event.kind === "approval" ? "/admin/rewards/approvals" : "/rewards/redemptions"}
                      className="underline underline-offset-2"
                    >
                      {event.kind === "approval" ? "Approvals" : "Your rewards"}
                    </Link>
                  </>
                ) : null}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
