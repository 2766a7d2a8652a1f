import { describe, expect, it } from "vitest";
import { cleanOutput } from "./clean";
import { parseClientReply } from "./client-reply";

describe("cleanOutput", () => {
  it.each([
    ["Counselor: How are you feeling today?", "How are you feeling today?"],
    ["**Therapist:** That sounds hard.", "That sounds hard."],
    ["Client (Dana): I guess so.", "I guess so."],
    ['"It sounds like work has been heavy."', "It sounds like work has been heavy."],
    ["“It sounds like work has been heavy.”", "It sounds like work has been heavy."],
    ["Response: What would help most?", "What would help most?"],
    ['Here is my reply: Counselor: "Let\'s slow down."', "Let's slow down."],
    ["Sure! Here's my response:\n\nThat makes sense.", "That makes sense."],
    ["  plain text  ", "plain text"],
  ])("%j → %j", (raw, cleaned) => {
    expect(cleanOutput(raw)).toBe(cleaned);
  });

  it("keeps only the first turn when the model writes on as the other speaker", () => {
    expect(cleanOutput("Counselor: What happened next?\nClient: I left early.\nCounselor: Why?")).toBe(
      "What happened next?",
    );
  });

  it("keeps quotes that do not wrap the whole reply", () => {
    expect(cleanOutput('When you say "I always fail", what do you mean?')).toBe(
      'When you say "I always fail", what do you mean?',
    );
    expect(cleanOutput('"I failed" is how you put it, and "always" too.')).toBe(
      '"I failed" is how you put it, and "always" too.',
    );
  });

  it("reduces a reply of only quotes or labels to nothing (which the engine retries)", () => {
    expect(cleanOutput('""')).toBe("");
    expect(cleanOutput("Counselor:")).toBe("");
  });
});

describe("parseClientReply", () => {
  it("strips [/END] and reports it", () => {
    expect(parseClientReply("Client: Thanks, that helped. [/END]")).toEqual({
      text: "Thanks, that helped.",
      endRequested: true,
    });
    expect(parseClientReply("Okay. [END]")).toEqual({ text: "Okay.", endRequested: true });
    expect(parseClientReply("[/END]")).toEqual({ text: "", endRequested: true });
  });

  it("leaves a reply without the marker as it is", () => {
    expect(parseClientReply("I am not sure yet.")).toEqual({
      text: "I am not sure yet.",
      endRequested: false,
    });
  });
});
