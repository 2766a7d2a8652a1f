import Link from "next/link";
import { Card, CardHeader } from "@/components/ui/card";
import { sessionStatusChip } from "@/components/ui/labels";
import type { CourseSession } from "@/lib/sessions/course";

/** A client's courses: sessions that follow each other, each starting from a summary of the one before. */
export function CourseList({ courses }: { courses: CourseSession[][] }) {
  if (!courses.length) return null;
  return (
    <Card className="mt-6" data-testid="course-list">
      <CardHeader title="Courses" subtitle="Sessions of this client that follow each other." />
      <ul className="grid gap-3 px-4 py-3">
        {courses.map((course) => (
          <li key={course[0].id}>
            <ol className="flex flex-wrap items-center gap-2 text-sm">
              {course.map((session, i) => (
                <li key={session.id} className="flex items-center gap-2">
                  {i > 0 ? <span aria-hidden="true">→</span> : null}
                  <Link href={`/sessions/${session.id}`} className="text-accent underline">
                    Session {i + 1}
                  </Link>
                  <span className="text-xs text-fg-muted">
                    {sessionStatusChip(session.status, session.awaiting)?.label ?? session.status},{" "}
                    {session.roundCount} rounds
                  </span>
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ul>
    </Card>
  );
}
