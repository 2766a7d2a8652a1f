import { beforeAll, describe, expect, it } from "vitest";
import { createUser } from "@/lib/auth/users";
import { getDb } from "@/lib/db/client";
import { createPromptVersion } from "@/lib/prompts/versions";
import { runStoredSession } from "@/lib/runs/runner";
import { finishedSession, sampleProfileId, simulateOffline, storedText } from "@/lib/testing/sessions";
import { forkSessionById } from "./fork";

let profileId = "";
let parentId = "";
let parentText = "";

beforeAll(async () => {
  simulateOffline();
  profileId = await sampleProfileId();
  parentId = await finishedSession(profileId, 3);
  parentText = await storedText(parentId);
});

/** The text of a stored call's prompt, all messages. */
async function promptOf(sessionId: string, roundIndex: number, role: string) {
  const call = await getDb().agentCall.findFirstOrThrow({
    where: { sessionId, roundIndex, role, status: "succeeded" },
    orderBy: { startedAt: "desc" },
  });
  return { call, text: JSON.stringify(call.promptMessages) };
}

const rowsOf = (id: string) =>
  getDb().round.findMany({ where: { sessionId: id }, orderBy: { index: "asc" } });

describe("forking with an edited message", () => {
  it("an edited last client reply is what the next round's agents saw, marked edited with the original kept", async () => {
    const edited = "Honestly, what scares me most is letting my sister down again.";
    const parentRounds = await rowsOf(parentId);
    const { id } = await forkSessionById({
      id: parentId,
      fork: { round: 1, edit: { speaker: "client", text: edited } },
    });

    const [round1] = await rowsOf(id);
    expect(round1).toMatchObject({
      clientReply: edited,
      clientEdited: true,
      originalClientReply: parentRounds[0].clientReply,
      counselorEdited: false,
    });
    await runStoredSession({ sessionId: id, mode: "to-end" });
    for (const role of ["specialist:reflection", "selector", "client"]) {
      const { text } = await promptOf(id, 2, role);
      expect(text, role).toContain(edited);
      expect(text, role).not.toContain(JSON.stringify(parentRounds[0].clientReply).slice(1, -1));
    }
    expect(await storedText(parentId)).toBe(parentText);
  });

  it("an edited next counselor reply is what the client answered (stored prompt), marked edited with the original kept", async () => {
    const edited = "Before we go on: what would a good week look like for you?";
    const parentRounds = await rowsOf(parentId);
    const { id } = await forkSessionById({
      id: parentId,
      fork: { round: 1, edit: { speaker: "counselor", text: edited } },
    });

    const fork = await getDb().session.findUniqueOrThrow({ where: { id } });
    expect(fork).toMatchObject({ status: "paused", roundCount: 2, forkRound: 1, parentId });
    const rounds = await rowsOf(id);
    expect(rounds[0].clientReply).toBe(parentRounds[0].clientReply);
    expect(rounds[1]).toMatchObject({
      counselorReply: edited,
      counselorEdited: true,
      originalCounselorReply: parentRounds[1].counselorReply,
    });
    const client = await promptOf(id, 2, "client");
    expect(client.text).toContain(edited);
    expect(client.text).not.toContain(JSON.stringify(parentRounds[1].counselorReply).slice(1, -1));
    expect(rounds[1].clientReply).toBe(client.call.cleanedOutput);
    // The round's other calls are the parent's: the reply the person replaced was theirs.
    const fuser = await promptOf(id, 2, "fuser");
    expect(fuser.call.cleanedOutput).toBe(parentRounds[1].counselorReply);

    await runStoredSession({ sessionId: id, mode: "to-end" });
    expect((await promptOf(id, 3, "specialist:questioning")).text).toContain(edited);
    expect(await storedText(parentId)).toBe(parentText);
  });

  it("takes other prompt versions and temperatures for the fork only", async () => {
    const fuser = await getDb().agentCall.findFirstOrThrow({ where: { sessionId: parentId, role: "fuser" } });
    const template = (
      await getDb().promptVersion.findUniqueOrThrow({ where: { id: fuser.promptVersionId ?? "" } })
    ).template;
    const created = await createPromptVersion(
      {
        role: "fuser",
        template: template.replace("Write only the message.", "Write only the message, warmly."),
      },
      (await createUser({ email: "fork.tester@studio.test", role: "researcher" }, null)).user,
    );
    const { id } = await forkSessionById({
      id: parentId,
      fork: { round: 2, prompts: { fuser: created.version }, temperatures: { client: 0.2 } },
    });
    await runStoredSession({ sessionId: id, mode: "to-end" });
    const { call, text } = await promptOf(id, 3, "fuser");
    expect(call.promptVersionId).toBe(created.id);
    expect(text).toContain("warmly");
    expect((await promptOf(id, 3, "client")).call.settings).toMatchObject({ temperature: 0.2 });
    expect(await storedText(parentId)).toBe(parentText);
  });

  it("refuses an unknown prompt version and a counselor edit with no next round, naming the field; nothing is stored", async () => {
    const count = await getDb().session.count();
    await expect(
      forkSessionById({ id: parentId, fork: { round: 1, prompts: { fuser: 999 } } }),
    ).rejects.toMatchObject({ code: "not_found", issues: [{ field: "prompts.fuser" }] });
    await expect(
      forkSessionById({ id: parentId, fork: { round: 1, prompts: { therapist: 1 } } }),
    ).rejects.toMatchObject({ code: "validation", issues: [{ field: "prompts.therapist" }] });
    await expect(
      forkSessionById({
        id: parentId,
        fork: { round: 3, maxRounds: 5, edit: { speaker: "counselor", text: "Hello" } },
      }),
    ).rejects.toMatchObject({ code: "validation", issues: [{ field: "edit.speaker" }] });
    expect(await getDb().session.count()).toBe(count);
  });
});
