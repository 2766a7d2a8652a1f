import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { EvaluationPanel } from "@/components/eval/evaluation-panel";
import { BranchTree } from "@/components/sessions/branches/branch-tree";
import { CoursePanel } from "@/components/sessions/course/course-panel";
import { LiveSessionView } from "@/components/sessions/live/live-session-view";
import { requirePageUser } from "@/lib/auth/page";
import { hasRole } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { pageRecordId } from "@/lib/http/page-params";
import { compactLiveSession } from "@/lib/live/live-compact";
import { liveSessionFromDetail } from "@/lib/live/live-snapshot";
import { buildBranchTree } from "@/lib/sessions/branch-tree";
import { listBranchNodesBySessionId } from "@/lib/sessions/branches";
import { describeDepartures, describeSessionModels } from "@/lib/sessions/config";
import { getCourseInfoById } from "@/lib/sessions/course";
import { getSessionPageById, type SessionPageData } from "@/lib/sessions/queries";
import { steeringOf } from "@/lib/sessions/steering";

type Props = { params: Promise<{ id: string }> };

/** The output a regeneration named, from the intervention's detail. */
function outputOf(detail: unknown): { output?: string } {
  const output = (detail as { output?: unknown } | null)?.output;
  return typeof output === "string" ? { output } : {};
}

// One query per request: the metadata and the page share it.
const loadSession = cache(async (id: string): Promise<SessionPageData> => {
  await requirePageUser("viewer");
  try {
    return await getSessionPageById({ id });
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const session = await loadSession(await pageRecordId(params));
  return { title: `Session · ${session.profile.name}` };
}

export default async function SessionPage({ params }: Props) {
  const session = await loadSession(await pageRecordId(params));
  const user = await requirePageUser("viewer");
  const models = describeSessionModels(session.config);
  const { profile } = session;
  const branchNodes = await listBranchNodesBySessionId({ id: session.id });
  const tree = branchNodes.length > 1 ? buildBranchTree(branchNodes) : null;
  const course = await getCourseInfoById({ id: session.id });
  const canControl = hasRole(user.role, "researcher");
  return (
    <>
      <LiveSessionView
        initial={compactLiveSession(liveSessionFromDetail(session))}
        opening={{ counselor: session.openingCounselor, client: session.openingClient }}
        branches={
          <>
            {tree ? <BranchTree tree={tree} currentId={session.id} /> : null}
            {course ? (
              <CoursePanel course={{ ...course, sessionId: session.id, canChange: canControl }} />
            ) : null}
          </>
        }
        steering={steeringOf(session.steering)}
        interventions={session.interventions.map((item) => ({
          id: item.id,
          roundIndex: item.roundIndex,
          kind: item.kind,
          userName: item.userName,
          at: item.createdAt.toISOString(),
          ...outputOf(item.detail),
        }))}
        summary={{
          profile: {
            id: profile.id,
            name: profile.name,
            attitude: profile.attitude,
            presentingProblem: profile.presentingProblem,
          },
          models,
          departures: describeDepartures(session.config),
          offline: models.includes("offline-simulator"),
          source: session.source,
          canControl,
          ...(course && course.total > 1
            ? { course: { position: course.position, total: course.total } }
            : {}),
        }}
      />
      <EvaluationPanel sessionId={session.id} canJudge={hasRole(user.role, "researcher")} />
    </>
  );
}
