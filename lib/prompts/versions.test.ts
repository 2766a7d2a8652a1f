import { beforeAll, describe, expect, it } from "vitest";
import { createUser } from "@/lib/auth/users";
import { getDb } from "@/lib/db/client";
import { runStoredSession } from "@/lib/runs/runner";
import { createSession } from "@/lib/sessions/create";
import { sampleProfileId, simulateOffline } from "@/lib/testing/sessions";
import { DEFAULT_PROMPTS } from "./registry";
import { templateToText } from "./template";
import { activatePromptVersion, createPromptVersion, listPromptVersionsByRole } from "./versions";

let profileId = "";
let author = { id: "", email: "" };
beforeAll(async () => {
  ({ user: author } = await createUser({ email: "prompt.author@studio.test", role: "researcher" }, null));
  simulateOffline();
  profileId = await sampleProfileId();
});

const builtinSelector = templateToText(DEFAULT_PROMPTS.selector);

describe("prompt versions", () => {
  it("lists the built-in version as active until another is marked", async () => {
    const versions = await listPromptVersionsByRole({ role: "selector" });
    expect(versions).toEqual([
      expect.objectContaining({ version: DEFAULT_PROMPTS.selector.version, builtIn: true, isActive: true }),
    ]);
  });

  it("refuses a template with an unknown variable, naming it, and stores nothing", async () => {
    const before = await getDb().promptVersion.count();
    const template = builtinSelector.replace("### user\n", "### user\n{{client_mood}}\n");
    await expect(createPromptVersion({ role: "selector", template }, author)).rejects.toThrow(
      /\{\{client_mood\}\}/,
    );
    expect(await getDb().promptVersion.count()).toBe(before);
  });

  it("freezes the active version in new sessions, and their calls link to it", async () => {
    const template = builtinSelector.replace(
      "### user\n",
      "### user\nThink about the arc of the session first.\n",
    );
    const created = await createPromptVersion({ role: "selector", template, note: "arc first" }, author);
    expect(created.version).toBe(DEFAULT_PROMPTS.selector.version + 1);
    const before = await createSession({ profileId, variant: "magnet", overrides: { maxRounds: 1 } });
    await activatePromptVersion({ role: "selector", version: created.version }, author);
    const versions = await listPromptVersionsByRole({ role: "selector" });
    expect(versions.filter((v) => v.isActive).map((v) => v.version)).toEqual([created.version]);
    expect(versions[0]).toMatchObject({ author: "prompt.author@studio.test", note: "arc first" });
    const audit = await getDb().auditEntry.findMany({
      where: { actorId: author.id },
      orderBy: { at: "asc" },
    });
    expect(audit.map((entry) => entry.action)).toEqual(["prompt.created", "prompt.activated"]);

    const after = await createSession({ profileId, variant: "magnet", overrides: { maxRounds: 1 } });
    for (const { id } of [before, after]) await runStoredSession({ sessionId: id, mode: "to-end" });
    const selectorCall = (sessionId: string) =>
      getDb().agentCall.findFirstOrThrow({
        where: { sessionId, role: "selector" },
        include: { promptVersion: true },
      });
    const old = await selectorCall(before.id);
    const edited = await selectorCall(after.id);
    expect(old.promptVersion?.version).toBe(DEFAULT_PROMPTS.selector.version);
    expect(edited.promptVersion?.id).toBe(created.id);
    expect(JSON.stringify(edited.promptMessages)).toContain("Think about the arc of the session first.");
    expect(JSON.stringify(old.promptMessages)).not.toContain("Think about the arc");
  });

  it("refuses to activate a version that does not exist", async () => {
    await expect(activatePromptVersion({ role: "fuser", version: 99 }, author)).rejects.toMatchObject({
      code: "not_found",
    });
  });
});
