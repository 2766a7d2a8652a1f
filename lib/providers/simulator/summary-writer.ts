import { keyClause } from "./phrasing";
import { historyLines, type PromptReading, sectionOf } from "./prompt-reading";
import type { Random } from "./random";

/** Case notes of a session for the next one, from the reason for counseling, the plan and the dialogue. */
export function writeSummary(reading: PromptReading, rng: Random): string {
  const reason = keyClause(sectionOf(reading.user, "reason_counseling") ?? "", 18);
  const technique = /CBT technique:\s*(.+)/.exec(sectionOf(reading.user, "plan") ?? "")?.[1]?.trim();
  const lines = historyLines(reading);
  const client = lines.filter((l) => l.speaker === "client");
  const rounds = Math.max(0, lines.filter((l) => l.speaker === "counselor").length - 1);
  const first = keyClause(client[1]?.text ?? client[0]?.text ?? "", 16);
  const last = keyClause(client.at(-1)?.text ?? "", 16);
  const mood = rng.pick(["cautiously open", "engaged but tired", "guarded at first, then more open"]);
  return [
    `The client came because ${reason || "of ongoing distress"}.`,
    `Over ${rounds} round${rounds === 1 ? "" : "s"} we explored this${first ? `; early on the client said: "${first}"` : ""}.`,
    technique ? `We worked with ${technique}.` : "We worked on noticing and questioning unhelpful thoughts.",
    `The client seemed ${mood}${last ? `, ending with: "${last}"` : ""}.`,
    "Next time: review the week and continue where we stopped.",
  ].join(" ");
}
