"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { RoundAnnotationData } from "@/lib/annotations/schema";

type SpanComment = RoundAnnotationData["spanComments"][number];

/** The element holding the counselor reply under review; a selection inside it can be commented on. */
export const REPLY_ATTRIBUTE = "data-annotated-reply";

function selectedSpan(replyText: string): Omit<SpanComment, "text"> | null {
  const selection = window.getSelection();
  const reply = document.querySelector(`[${REPLY_ATTRIBUTE}]`);
  if (!selection || selection.isCollapsed || !reply || !reply.contains(selection.anchorNode)) return null;
  const quote = selection.toString().trim();
  const start = replyText.indexOf(quote);
  if (!quote || start < 0) return null;
  return { quote, start, end: start + quote.length };
}

/** Comments on a selected stretch of the counselor reply. */
export function SpanComments({
  reply,
  comments,
  onChange,
}: {
  reply: string;
  comments: SpanComment[];
  onChange: (comments: SpanComment[]) => void;
}) {
  const [draft, setDraft] = useState<Omit<SpanComment, "text"> | null>(null);
  const [text, setText] = useState("");
  const [hint, setHint] = useState<string | null>(null);
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-sm font-semibold">Comments on a passage</span>
        <Button
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => {
            const span = selectedSpan(reply);
            setDraft(span);
            setHint(span ? null : "Select some words of the counselor reply first.");
          }}
        >
          Comment on the selected text
        </Button>
        {hint ? <span className="text-xs text-fg-muted">{hint}</span> : null}
      </div>
      {draft ? (
        <form
          className="flex flex-col gap-1.5 rounded-md border border-border p-2"
          onSubmit={(event) => {
            event.preventDefault();
            if (!text.trim()) return;
            onChange([...comments, { ...draft, text: text.trim() }]);
            setDraft(null);
            setText("");
          }}
        >
          <blockquote className="border-l-2 border-accent pl-2 font-serif text-sm">
            “{draft.quote}”
          </blockquote>
          <label htmlFor="span-comment" className="sr-only">
            Your comment on the selected passage
          </label>
          <input
            id="span-comment"
            className="rounded-md border border-border bg-surface-raised px-2.5 py-1.5 text-sm"
            placeholder="Your comment on this passage"
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
          <div className="flex gap-2">
            <Button type="submit" variant="primary" disabled={!text.trim()}>
              Add comment
            </Button>
            <Button onClick={() => setDraft(null)}>Cancel</Button>
          </div>
        </form>
      ) : null}
      {comments.length ? (
        <ul className="flex flex-col gap-1.5">
          {comments.map((comment, index) => (
            <li
              key={`${comment.start}-${comment.end}-${comment.text}`}
              className="rounded-md border border-border p-2 text-sm"
            >
              <blockquote className="border-l-2 border-accent pl-2 font-serif">“{comment.quote}”</blockquote>
              <p className="mt-1">{comment.text}</p>
              <button
                type="button"
                className="mt-1 text-xs text-fg-muted underline"
                onClick={() => onChange(comments.filter((_, i) => i !== index))}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
