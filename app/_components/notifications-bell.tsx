import Link from "next/link";

/** The header's bell: a link to the notifications, with how many are unread ("99+" past 99). */
export function NotificationsBell({ unread }: { unread: number }) {
  const label =
    unread === 0 ? "Notifications" : `Notifications, ${unread > 99 ? "more than 99" : unread} unread`;
  return (
    <Link
      href="/notifications"
      aria-label={label}
      className="relative rounded-md p-1.5 text-stone-700 outline-none hover:bg-stone-100 hover:text-stone-950 focus-visible:outline-2 focus-visible:outline-amber-600"
    >
      <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-5">
        <path d="M10 2a5 5 0 00-5 5v2.6c0 .5-.2 1-.5 1.4L3.3 12.6A1 1 0 004.1 14h11.8a1 1 0 00.8-1.4L15.5 11c-.3-.4-.5-.9-.5-1.4V7a5 5 0 00-5-5zM8 15a2 2 0 004 0H8z" />
      </svg>
      {unread > 0 ? (
        <span
          aria-hidden="true"
          className="absolute -top-0.5 -right-1 min-w-4 rounded-full bg-red-700 px-1 text-center text-[0.625rem] leading-4 font-semibold text-white"
        >
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}
