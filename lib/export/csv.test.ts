import { describe, expect, it } from "vitest";
import { CSV_COLUMNS, csvLine, csvRows } from "./csv";
import type { ExportSession } from "./records";

const session: ExportSession = {
  id: "s1",
  profileId: "p1",
  variant: "magnet",
  source: "generated",
  status: "completed",
  sessionNumber: null,
  cost: null,
  groundTruthCbt: [],
  config: {
    switches: { fuseSelectedOnly: true, shortAnswers: false },
    minRoundsBeforeEnd: 0,
    sequential: false,
  },
  technique: "Decatastrophizing",
  techniqueRaw: "Decatastrophizing, because…",
  plan: "1. …",
  openingCounselor: "Hello.",
  openingClient: "Hi.",
  profile: {
    name: "Ana",
    intakeText: "…",
    attitude: "negative",
    attitudeInstruction: "…",
    clientInformation: "Name: Ana",
    reasonForCounseling: "Worry",
    referenceTechniques: [],
  },
  rounds: [
    {
      index: 1,
      counselorReply: 'She said "fine", then paused.',
      clientReply: "Line one\nline two",
      endedByClient: false,
      selectedTechniques: ["reflection", "questioning"],
      selectionRationale: "Explore first",
      counselorEdited: true,
      clientEdited: false,
      originalCounselorReply: "Before the edit",
      originalClientReply: null,
      seat: "counselor",
      selectionOverridden: true,
      originalSelectedTechniques: ["normalization"],
      staleOutputs: [],
    },
  ],
};

describe("the CSV", () => {
  it("quotes cells with commas, quotes or line breaks and leaves the rest bare", () => {
    expect(csvLine(["a", 'b "c"', "d,e", "f\ng", 3, true, null])).toBe(
      'a,"b ""c""","d,e","f\ng",3,true,\r\n',
    );
  });

  it("writes a round's candidates, selection, replies, edit marks, method and scores under their columns", () => {
    const candidates = new Map([
      ["1:specialist:reflection", "You feel stuck."],
      ["1:specialist:psycho_education", "Worry is common."],
    ]);
    const [row] = csvRows(session, candidates, {
      ctrs: 3.5,
      wai: null,
      judgeModel: "offline-simulator",
      simulated: true,
    });
    const expected: Record<string, string> = {
      session_id: "s1",
      variant: "magnet",
      method: "Fuses only the chosen candidates",
      technique: "Decatastrophizing",
      round: "1",
      candidate_reflection: "You feel stuck.",
      candidate_questioning: "",
      candidate_psycho_education: "Worry is common.",
      selected_techniques: "reflection; questioning",
      counselor_reply: '"She said ""fine"", then paused."',
      client_reply: '"Line one\nline two"',
      counselor_edited: "true",
      original_counselor_reply: "Before the edit",
      seat: "counselor",
      selection_overridden: "true",
      original_selected_techniques: "normalization",
      ctrs_mean: "3.5",
      wai_mean: "",
      scores_simulated: "true",
    };
    // Split on commas outside quotes.
    const cells =
      row
        .trimEnd()
        .match(/("([^"]|"")*"|[^,]*)(,|$)/g)
        ?.map((c) => c.replace(/,$/, "")) ?? [];
    for (const [column, value] of Object.entries(expected)) {
      expect(cells[CSV_COLUMNS.indexOf(column as (typeof CSV_COLUMNS)[number])], column).toBe(value);
    }
  });
});
