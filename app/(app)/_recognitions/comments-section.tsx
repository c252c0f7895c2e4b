"use client";

import { type FormEvent, useId, useState, useTransition } from "react";
import { buttonClass, inputClass, linkClass } from "@/app/_components/styles";
import { COMMENT_MAX_LENGTH, type CommentView } from "@/core/feed/comments";
import { commentAction, listCommentsAction } from "./actions";

const timeFormat = new Intl.DateTimeFormat("en-US", {
  month: "short",
  day: "numeric",
  hour: "numeric",
  minute: "2-digit",
});

/**
 * "Comments (3)" under a recognition: opens to the conversation, oldest first, and a box to add to it.
 * The comments load when opened, so the feed itself stays one query.
 */
export function CommentsSection({ recognitionId, count }: { recognitionId: string; count: number }) {
  const [comments, setComments] = useState<CommentView[] | null>(null);
  const [open, setOpen] = useState(false);
  const [body, setBody] = useState("");
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const boxId = useId();
  const shown = comments?.length ?? count;

  function toggle() {
    setOpen(!open);
    if (open || comments) return;
    startTransition(async () => {
      const answer = await listCommentsAction(recognitionId).catch(() => null);
      if (answer?.status === "ok") setComments(answer.found);
      else setProblem(answer?.status === "error" ? answer.message : "The comments didn't load. Try again.");
    });
  }

  function post(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (body.trim() === "" || body.length > COMMENT_MAX_LENGTH) return;
    startTransition(async () => {
      const answer = await commentAction(recognitionId, body, key).catch(() => null);
      if (answer?.status === "ok") {
        setComments(answer.found);
        setBody("");
        setKey(crypto.randomUUID());
        setProblem(null);
      } else {
        setProblem(
          answer?.status === "error" ? answer.message : "Your comment didn't go through. Try again.",
        );
      }
    });
  }

  return (
    <div className="w-full space-y-2">
      <button type="button" onClick={toggle} aria-expanded={open} className={`${linkClass} text-xs`}>
        {shown === 0 ? "Comment" : `Comments (${shown})`}
      </button>
      {open ? (
        <div className="space-y-3 rounded-lg bg-stone-50 p-3">
          {comments === null && !problem ? <p className="text-xs text-stone-600">Loading comments…</p> : null}
          {comments && comments.length > 0 ? (
            <ul aria-label="Comments" className="space-y-2">
              {comments.map((comment) => (
                <li key={comment.id} className="text-sm">
                  <span className="font-semibold text-stone-900">{comment.author.name}</span>{" "}
                  <time dateTime={comment.createdAt} className="text-xs text-stone-600">
                    {timeFormat.format(new Date(comment.createdAt))}
                  </time>
                  {comment.source === "slack" ? (
                    <span className="text-xs text-stone-600"> · in Slack</span>
                  ) : null}
                  <p className="whitespace-pre-line break-words text-stone-800">{comment.body}</p>
                </li>
              ))}
            </ul>
          ) : null}
          <form onSubmit={post} className="space-y-2" aria-label="Add a comment">
            <label htmlFor={boxId} className="sr-only">
              Your comment
            </label>
            <textarea
              id={boxId}
              rows={2}
              value={body}
              onChange={(event) => setBody(event.target.value)}
              placeholder="Say something nice"
              className={inputClass}
              aria-describedby={`${boxId}-count`}
            />
            <div className="flex items-center justify-between gap-2">
              <p
                id={`${boxId}-count`}
                className={`text-xs ${body.length > COMMENT_MAX_LENGTH ? "text-red-700" : "text-stone-600"}`}
              >
                {body.length.toLocaleString("en-US")} of {COMMENT_MAX_LENGTH.toLocaleString("en-US")}{" "}
                characters
              </p>
              <button
                type="submit"
                disabled={pending || body.trim() === "" || body.length > COMMENT_MAX_LENGTH}
                className={`${buttonClass} px-3 py-1.5 text-xs`}
              >
                {pending ? "Posting…" : "Post"}
              </button>
            </div>
          </form>
          {problem ? (
            <p role="alert" className="text-xs text-red-700">
              {problem}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
