import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { getPlaygroundCallById } from "@/lib/playground/source";
import { runStoredSession } from "@/lib/runs/runner";
import { finishedSession, sampleProfileId, simulateOffline, storedText } from "@/lib/testing/sessions";
import { getCourseBySessionId, listCoursesByProfileId } from "./course";
import { createSession } from "./create";
import { startFollowUpSession, updateFollowUpSummary } from "./follow-up";

let profileId = "";

beforeAll(async () => {
  simulateOffline();
  profileId = await sampleProfileId();
});

async function promptsOf(sessionId: string) {
  const calls = await getDb().agentCall.findMany({ where: { sessionId, status: "succeeded" } });
  return new Map(
    calls.map((call) => [`${call.role}@${call.roundIndex}`, JSON.stringify(call.promptMessages)]),
  );
}

const finished = (maxRounds = 2) => finishedSession(profileId, maxRounds);

describe("follow-up sessions", () => {
  it("session 2's agents get the researcher's edited summary of session 1; session 1 is unchanged", async () => {
    const firstId = await finished();
    const before = await storedText(firstId);

    const { id } = await startFollowUpSession({ id: firstId });
    const second = await getDb().session.findUniqueOrThrow({ where: { id } });
    expect(second).toMatchObject({ status: "draft", followUpOfId: firstId, profileId, variant: "magnet" });
    expect(second.originalSummary?.length ?? 0).toBeGreaterThan(40);
    expect(second.config).toMatchObject({ previousSession: second.originalSummary });
    expect(await storedText(firstId)).toBe(before);

    const edited = "Session 1: the client described night shifts and guilt about a late medication round.";
    expect(await updateFollowUpSummary({ id, summary: edited })).toMatchObject({ edited: true });
    await runStoredSession({ sessionId: id, mode: "to-end" });

    const prompts = await promptsOf(id);
    for (const key of [
      "planner@null",
      "specialist:reflection@1",
      "specialist:questioning@2",
      "client@1",
      "client@2",
    ]) {
      expect(prompts.get(key), key).toContain(edited);
    }
    for (const key of ["selector@1", "fuser@1"]) expect(prompts.get(key), key).not.toContain(edited);
    expect(prompts.get("planner@null")).not.toContain(second.originalSummary);
    // The playground reads a follow-up's call back too: the template's inputs, then the summary.
    const client = await getDb().agentCall.findFirstOrThrow({ where: { sessionId: id, role: "client" } });
    const opened = await getPlaygroundCallById({ id: client.id });
    expect(opened.source.values).not.toBeNull();
    expect(opened.previousSession).toBe(edited);
    expect(await storedText(firstId)).toBe(before);

    await expect(updateFollowUpSummary({ id, summary: "too late" })).rejects.toMatchObject({
      code: "conflict",
    });
    await expect(startFollowUpSession({ id: firstId })).rejects.toMatchObject({ code: "conflict" });
  });

  it("a first session's prompts carry no summary, and its config no previousSession", async () => {
    const id = await finished(1);
    const session = await getDb().session.findUniqueOrThrow({ where: { id } });
    expect(session.config).not.toHaveProperty("previousSession");
    for (const [key, prompt] of await promptsOf(id)) expect(prompt, key).not.toContain("previous_session");
  });

  it("lists the sessions of one client as a course: session 2 of 2", async () => {
    const firstId = await finished(1);
    const { id } = await startFollowUpSession({ id: firstId });
    expect(await getCourseBySessionId({ id })).toMatchObject({
      position: 2,
      sessions: [{ id: firstId }, { id }],
    });
    expect(await getCourseBySessionId({ id: firstId })).toMatchObject({ position: 1 });
    const courses = await listCoursesByProfileId({ id: profileId });
    expect(courses.some((course) => course.map((s) => s.id).join() === [firstId, id].join())).toBe(true);
  });

  it("refuses a session that has not finished, naming why", async () => {
    const { id } = await createSession({ profileId, variant: "magnet", overrides: { maxRounds: 1 } });
    await expect(startFollowUpSession({ id })).rejects.toMatchObject({
      code: "conflict",
      issues: [{ field: "status" }],
    });
    await expect(updateFollowUpSummary({ id, summary: "x" })).rejects.toMatchObject({ code: "validation" });
  });
});
