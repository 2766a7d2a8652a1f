import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { finishedSession, sampleProfileId, simulateOffline } from "@/lib/testing/sessions";
import { hasAnnotationsToExport } from "./annotation-download";

// Two sessions with a round each; a queue holds the second. Only the first gets annotated.

let annotated: string;
let queueId: string;

beforeAll(async () => {
  simulateOffline();
  const profileId = await sampleProfileId();
  annotated = await finishedSession(profileId, 1);
  const other = await finishedSession(profileId, 1);
  const queue = await getDb().annotationQueue.create({
    data: { name: "Other", origin: {}, overlap: 1, items: { create: { sessionId: other, position: 0 } } },
  });
  queueId = queue.id;
});

describe("hasAnnotationsToExport", () => {
  it("is false until someone annotates, then true for everything but a queue without that session", async () => {
    expect(await hasAnnotationsToExport()).toBe(false);
    const author = await getDb().user.create({
      data: { email: `export-${Date.now()}@test.local`, name: "A" },
    });
    await getDb().annotation.create({
      data: { sessionId: annotated, authorId: author.id, target: "round", roundIndex: 1, data: {} },
    });
    expect(await hasAnnotationsToExport()).toBe(true);
    expect(await hasAnnotationsToExport(queueId)).toBe(false);
  });

  it("names a queue that does not exist", async () => {
    await expect(hasAnnotationsToExport("cnosuchqueue000")).rejects.toThrow(/cnosuchqueue000/);
  });
});
