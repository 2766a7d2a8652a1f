import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { VARIANTS } from "@/lib/pipeline/types";
import { VARIANT_SHAPES } from "@/lib/pipeline/variants";
import { magnetProfileKey } from "./magnet-records";
import { sessionFromFile } from "./session-records";
import { officialOutput, readPublishedSession, readSeeds } from "./testing";

const seeds = readSeeds();
const sessionOne = readPublishedSession(1);

function validationMessage(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error.message;
    throw error;
  }
  throw new Error("expected a validation error");
}

describe("the official scripts' output", () => {
  it.each(VARIANTS)("reads a %s session_N.json as a session of that variant", (variant) => {
    const file = officialOutput(seeds, 12, variant, { cost: 0.37 });
    const session = sessionFromFile(file, "session_12.json", variant);
    const plans = VARIANT_SHAPES[variant].planner;
    expect(session).toMatchObject({
      variant,
      format: "official",
      sessionNumber: 12,
      cost: 0.37,
      groundTruthCbt: seeds[11].ground_truth_CBT,
      profileKey: magnetProfileKey(seeds[11].AI_client.intake_form, seeds[11].AI_client.attitude),
      status: "completed",
      techniqueRaw: plans ? file.cbt_technique : null,
      plan: plans ? file.cbt_plan : null,
      openingCounselor: seeds[11].AI_counselor.CBT.init_history_counselor,
      externalKey: expect.stringMatching(new RegExp(`^import:${variant}:[0-9a-f]{32}$`)),
    });
    if (!plans) expect(session.technique).toBeNull();
    expect(session.rounds).toHaveLength(20);
    expect(session.rounds[19]).toMatchObject({ index: 20, clientReply: file.history[41].message });
    expect(session.profile.referenceTechniques).toEqual(seeds[11].ground_truth_CBT);
  });

  it("reads a session of 12 rounds as ended by the client, with the last round marked", () => {
    const file = officialOutput(seeds, 3, "magnet", { rounds: 12 });
    const session = sessionFromFile(file, "session_3.json", "magnet");
    expect(session.status).toBe("ended_by_client");
    expect(session.rounds).toHaveLength(12);
    expect(session.rounds.map((round) => round.endedByClient)).toEqual([...Array(11).fill(false), true]);
  });

  it("accepts an empty last client message: a client that wrote only [/END]", () => {
    const file = officialOutput(seeds, 3, "psych8k_baseline");
    file.history[41].message = "";
    const session = sessionFromFile(file, "session_3.json", "psych8k_baseline");
    expect(session.rounds[19]).toMatchObject({ clientReply: "", endedByClient: true });
    expect(session.status).toBe("ended_by_client");
  });

  it("refuses an empty message anywhere else, naming it", () => {
    const file = officialOutput(seeds, 3, "magnet");
    file.history[7].message = " ";
    expect(validationMessage(() => sessionFromFile(file, "session_3.json", "magnet"))).toMatch(
      /^history\.7\.message: must not be empty/,
    );
  });

  it("says when the chosen variant does not fit the file", () => {
    const psych8k = officialOutput(seeds, 1, "psych8k_baseline");
    expect(validationMessage(() => sessionFromFile(psych8k, "session_1.json", "magnet"))).toMatch(
      /^cbt_technique: is empty, but the magnet variant has a planner/,
    );
    const cactus = officialOutput(seeds, 1, "cactus_baseline");
    expect(validationMessage(() => sessionFromFile(cactus, "session_1.json", "no_planner"))).toMatch(
      /^cbt_technique: is set, but the no_planner variant has no planner/,
    );
  });

  it("keys a session by variant and content, not by file name", () => {
    const magnet = sessionFromFile(officialOutput(seeds, 1, "magnet"), "session_1.json", "magnet");
    const cactus = sessionFromFile(
      officialOutput(seeds, 1, "cactus_baseline"),
      "session_1.json",
      "cactus_baseline",
    );
    const renamed = sessionFromFile(officialOutput(seeds, 1, "magnet"), "other/session_7.json", "magnet");
    const asNoSelector = sessionFromFile(officialOutput(seeds, 1, "magnet"), "session_1.json", "no_selector");
    expect(magnet.externalKey).not.toBe(cactus.externalKey);
    expect(renamed.externalKey).toBe(magnet.externalKey);
    expect(asNoSelector.externalKey).not.toBe(magnet.externalKey);
    expect(renamed.sessionNumber).toBe(7);
  });

  it("refuses a dialogue longer than the studio's 40 rounds, naming the field", () => {
    const file = officialOutput(seeds, 1, "magnet");
    file.history = [...file.history, ...file.history.slice(2), ...file.history.slice(2)];
    expect(file.history).toHaveLength(122);
    expect(validationMessage(() => sessionFromFile(file, "session_1.json", "magnet"))).toMatch(
      /^history: holds at most 82 messages/,
    );
  });
});

describe("the published session files", () => {
  it("turns the 42 messages into the opening pair and 20 rounds", () => {
    const session = sessionFromFile(sessionOne, "session_1.json", "magnet");
    expect(session).toMatchObject({
      format: "published",
      importedFrom: "session_1.json",
      sessionNumber: 1,
      cost: null,
      groundTruthCbt: null,
      profileKey: magnetProfileKey(sessionOne.AI_client.intake_form, sessionOne.AI_client.attitude),
      status: "completed",
      technique: "Decatastrophizing",
      techniqueRaw: sessionOne.cbt_technique,
      plan: sessionOne.cbt_plan,
      openingCounselor: sessionOne.dialogue[0].message,
      openingClient: sessionOne.dialogue[1].message,
    });
    expect(session.rounds).toHaveLength(20);
    expect(session.rounds[0]).toMatchObject({
      index: 1,
      counselorReply: sessionOne.dialogue[2].message,
      clientReply: sessionOne.dialogue[3].message,
      endedByClient: false,
    });
    expect(session.rounds[19].clientReply).toBe(sessionOne.dialogue[41].message);
  });

  it("has the key of the same session in the official shape", () => {
    const published = sessionFromFile(sessionOne, "session_1.json", "magnet");
    const official = sessionFromFile(officialOutput(seeds, 1, "magnet"), "session_1.json", "magnet");
    expect(official.externalKey).toBe(published.externalKey);
  });

  it("marks a session the client ended with [/END]", () => {
    const dialogue = sessionOne.dialogue.slice(0, 8);
    dialogue[7] = { role: "client", message: "I think that's enough for today. [/END]" };
    const session = sessionFromFile({ ...sessionOne, dialogue }, "session_1.json", "magnet");
    expect(session.status).toBe("ended_by_client");
    expect(session.rounds.map((round) => round.endedByClient)).toEqual([false, false, true]);
  });

  it("keeps a final counselor message without a client reply", () => {
    const session = sessionFromFile(
      { ...sessionOne, dialogue: sessionOne.dialogue.slice(0, 5) },
      "session_1.json",
      "magnet",
    );
    expect(session.rounds.at(-1)).toMatchObject({ index: 2, clientReply: null, endedByClient: false });
    expect(session.status).toBe("completed");
  });

  it("names the message whose role is out of turn", () => {
    const dialogue = structuredClone(sessionOne.dialogue);
    dialogue[6].role = "client";
    expect(validationMessage(() => sessionFromFile({ ...sessionOne, dialogue }, "x.json", "magnet"))).toMatch(
      /^dialogue\.6\.role: expected "counselor"/,
    );
  });
});
