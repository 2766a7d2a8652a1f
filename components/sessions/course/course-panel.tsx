"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { fetchJson, fetchParsed } from "@/components/ui/fetch-json";
import { Label } from "@/components/ui/field";
import { forkSessionResponseSchema } from "@/lib/sessions/schema";

export interface CourseInfo {
  sessionId: string;
  /** 1 for a first session. */
  position: number;
  previousId: string | null;
  nextId: string | null;
  /** A follow-up's summary of the session before, as its agents get it, and as the summarizer wrote it. */
  summary: { text: string; original: string } | null;
  /** The session has finished, so the next one may start. */
  finished: boolean;
  /** A draft follow-up: its summary may still be edited. */
  editable: boolean;
  canChange: boolean;
}

/** The session's place in its client's course: the summary it started from, and the next session. */
export function CoursePanel({ course }: { course: CourseInfo }) {
  const router = useRouter();
  const start = useMutation({
    mutationFn: () =>
      fetchParsed(forkSessionResponseSchema, `/api/sessions/${course.sessionId}/follow-up`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      }),
    onSuccess: ({ id }) => router.push(`/sessions/${id}`),
  });
  const canStart = course.canChange && course.finished && !course.nextId;
  if (!course.summary && !course.nextId && !canStart) return null;
  return (
    <Card className="mb-6" data-testid="course-panel">
      <CardHeader
        title="Course of sessions"
        subtitle="Follow-up sessions for the same client: each starts from a summary of the one before."
      />
      <div className="grid gap-3 px-4 py-3 text-sm">
        {course.previousId ? (
          <p>
            Follows{" "}
            <Link href={`/sessions/${course.previousId}`} className="text-accent underline">
              session {course.position - 1}
            </Link>
            .
          </p>
        ) : null}
        {course.summary ? <Summary course={course} summary={course.summary} /> : null}
        {course.nextId ? (
          <p>
            <Link
              href={`/sessions/${course.nextId}`}
              className="text-accent underline"
              data-testid="next-session"
            >
              Session {course.position + 1}
            </Link>{" "}
            follows this one.
          </p>
        ) : null}
        {canStart ? (
          <div className="flex flex-wrap items-center gap-3">
            <Button
              variant="primary"
              onClick={() => start.mutate()}
              disabled={start.isPending}
              data-testid="start-follow-up"
            >
              {start.isPending
                ? "Summarizing this session…"
                : `Start session ${course.position + 1} for this client`}
            </Button>
            {start.error ? (
              <span role="alert" className="text-danger">
                {start.error.message}
              </span>
            ) : null}
          </div>
        ) : null}
      </div>
    </Card>
  );
}

function Summary({ course, summary }: { course: CourseInfo; summary: { text: string; original: string } }) {
  const router = useRouter();
  const id = useId();
  const [text, setText] = useState(summary.text);
  const save = useMutation({
    mutationFn: () =>
      fetchJson(`/api/sessions/${course.sessionId}/summary`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ summary: text }),
      }),
    onSuccess: () => router.refresh(),
  });
  const edited = summary.text !== summary.original;
  return (
    <div className="grid gap-2">
      <p className="flex flex-wrap items-center gap-2 font-medium">
        Summary of session {course.position - 1}, as this session&apos;s agents get it
        {edited ? (
          <Badge tone="warning">Edited by a researcher</Badge>
        ) : (
          <Badge>As the summarizer wrote it</Badge>
        )}
      </p>
      {course.editable && course.canChange ? (
        <form
          className="grid gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate();
          }}
        >
          <Label htmlFor={`${id}-summary`}>Edit it before the session starts</Label>
          <textarea
            id={`${id}-summary`}
            value={text}
            onChange={(e) => setText(e.target.value)}
            rows={5}
            maxLength={8000}
            data-testid="summary-text"
            className="min-w-0 rounded-md border border-border bg-surface-raised p-2.5 text-sm"
          />
          {save.error ? (
            <p role="alert" className="text-danger">
              {save.error.message}
            </p>
          ) : null}
          <div>
            <Button
              type="submit"
              disabled={save.isPending || text.trim() === summary.text}
              data-testid="save-summary"
            >
              Save the summary
            </Button>
          </div>
        </form>
      ) : (
        <p
          className="rounded-md border border-border bg-surface-muted p-2.5 whitespace-pre-wrap"
          data-testid="summary-shown"
        >
          {summary.text}
        </p>
      )}
      {edited ? (
        <details>
          <summary className="cursor-pointer text-xs text-fg-muted">The summarizer&apos;s original</summary>
          <p className="mt-1 whitespace-pre-wrap text-fg-muted">{summary.original}</p>
        </details>
      ) : null}
    </div>
  );
}
